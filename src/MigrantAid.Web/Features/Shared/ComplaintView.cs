using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Shared;

public sealed record RespondentRow(string Name, RespondentType Type, Sector? Sector);

public sealed record ComplaintView(
    string? IncidentCountry, string? IncidentCity, DateOnly? IncidentFrom, DateOnly? IncidentTo,
    string? Account, string? ClientWishes, IReadOnlyList<RespondentRow> Respondents);
