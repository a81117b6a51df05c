using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace MigrantAid.Web.Data;

/// <summary>
/// A limit fixed in code (a page size plus one, a count cap) written into the SQL as a number (<c>LIMIT 26</c>)
/// instead of a parameter (<c>LIMIT $1</c>), so that PostgreSQL's generic plan for the statement knows how few rows
/// it reads (ADR 0027). EF Core sends a top-level <c>Take(26)</c> as a parameter whatever the C# says, and
/// <c>EF.Constant</c> there makes EF Core write the statement's SQL again on every execution; a SQL constant in the
/// <c>Take</c> call is translated as it stands and its SQL cached like any other.
/// </summary>
public static class FixedLimit
{
    private static readonly MethodInfo Take = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

    /// <summary><c>Take(count)</c> with <paramref name="count"/> in the SQL as a number: only for values from a fixed set in code.</summary>
    public static IQueryable<T> TakeFixed<T>(this IQueryable<T> source, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(Take.MakeGenericMethod(typeof(T)), source.Expression, new SqlConstantExpression(count, typeof(int), typeMapping: null)));
}
