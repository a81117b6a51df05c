using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data;

/// <summary>
/// A page size or count cap written into the SQL as a number (<c>LIMIT 26</c>) instead of a parameter
/// (<c>LIMIT $1</c>), for limits that are fixed in code.
/// </summary>
public static class FixedLimit
{
    private static readonly MethodInfo Take = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

    private static readonly MethodInfo Constant = new Func<int, int>(EF.Constant).Method;

    public static IQueryable<T> TakeFixed<T>(this IQueryable<T> source, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(Take.MakeGenericMethod(typeof(T)), source.Expression, Expression.Call(Constant, Expression.Constant(count))));
}
