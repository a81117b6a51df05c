namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Marks an action whose unfiltered GET (no query string) may run on PostgreSQL's generic plans (Data/PlanReuse.cs):
/// its statements look up the viewer's and the record's own rows, whose best plan does not depend on the values.
/// <see cref="RequestConnectionMiddleware"/> then opens the request's connection from the generic-plan pool. A request
/// with a filter, a search or a page position keeps plans made for its values.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReusePlansAttribute : Attribute
{
    /// <summary>True for a GET of a marked action without a query string.</summary>
    public static bool Applies(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && !context.Request.QueryString.HasValue
        && context.GetEndpoint()?.Metadata.GetMetadata<ReusePlansAttribute>() is not null;
}
