using System.Linq.Expressions;

namespace MigrantAid.Web.Security;

/// <summary>
/// Builds the query form of an access rule from its one spelling: a rule written over the record and
/// the viewer (or over a value it depends on) is bound to one viewer, or given a sub-rule, by replacing
/// that parameter. EF Core turns the bound viewer's properties into query parameters, as it does for
/// captured variables, so the SQL is the same as for a rule written by hand.
/// </summary>
internal static class RuleExpressions
{
    /// <summary>The rule for one value of its second parameter: <c>(c, v) =&gt; …</c> becomes <c>c =&gt; …</c>.</summary>
    public static Expression<Func<T, bool>> Bind<T, TArg>(Expression<Func<T, TArg, bool>> rule, TArg value) =>
        Expression.Lambda<Func<T, bool>>(
            new Swap(rule.Parameters[1], Expression.Constant(value, typeof(TArg))).Visit(rule.Body),
            rule.Parameters[0]);

    /// <summary>
    /// Fills the rule's last parameter with <paramref name="part"/> applied to the rule's parameter number
    /// <paramref name="argument"/>: <c>(c, restricted) =&gt; …</c> with <c>c =&gt; c.Consent == …</c> becomes <c>c =&gt; …</c>.
    /// </summary>
    public static Expression<TResult> Fill<TResult>(LambdaExpression rule, LambdaExpression part, int argument)
    {
        var filled = new Swap(part.Parameters[0], rule.Parameters[argument]).Visit(part.Body);
        return Expression.Lambda<TResult>(new Swap(rule.Parameters[^1], filled).Visit(rule.Body), rule.Parameters.Take(rule.Parameters.Count - 1));
    }

    private sealed class Swap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
