namespace MigrantAid.Web.Features.Shared;

public sealed record ErrorModel(int StatusCode, string CorrelationId);
