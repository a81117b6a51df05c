using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The first step of registering: who is this? Possible duplicates are shown before anything is created.</summary>
public sealed class RegisterClientInput : ClientIdentityFields
{
}

/// <summary>Why a record may be the same person (the view words each one).</summary>
public enum MatchReasonKind
{
    SameName,
    SimilarName,
    SamePatronymic,
    DifferentPatronymic,
    SameBirthDate,
    SameBirthYear,
    BirthYearsApart,
    BirthYearsFarApart,
}

public sealed record MatchReason(MatchReasonKind Kind, int YearsApart = 0);

public sealed record DuplicateCandidate(ClientCandidate Client, int Percent, IReadOnlyList<MatchReason> Reasons);

public sealed record RegisterClientModel(RegisterClientInput Input, IReadOnlyList<DuplicateCandidate>? Candidates, bool HasOffice);

/// <summary>
/// "Find before you create": the typed name, in any script or spelling, with the birth date or
/// year, against the clients the caseworker may see, ranked by <see cref="ClientFinder"/>.
/// </summary>
public sealed class RegisterClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxCandidates = 10;

    private readonly ClientRecords _records = new(db, audit, clock);

    /// <returns>The possible duplicates, best first; null when the typed identity was refused (the messages are in <paramref name="errors"/>).</returns>
    public async Task<IReadOnlyList<DuplicateCandidate>?> FindAsync(RegisterClientInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        input.Validate(errors, await _records.TodayAsync(viewer.OfficeId, null, cancellationToken), l);
        if (!errors.IsValid)
        {
            return null;
        }

        var found = await ClientFinder.FindAsync(db, viewer, input.FullName, input.Patronymic, input.BirthDate, input.EffectiveBirthYear,
            MaxCandidates, cancellationToken);
        return found.Select(c => new DuplicateCandidate(c, (int)Math.Round(c.Score * 100), Reasons(input, c))).ToList();
    }

    public static IReadOnlyList<MatchReason> Reasons(ClientIdentityFields input, ClientCandidate candidate)
    {
        var reasons = new List<MatchReason>();
        var typedKey = Transliteration.MatchKey(input.FullName);
        var theirKey = Transliteration.MatchKey(candidate.FullName);
        if (typedKey == theirKey || SameWords(typedKey, theirKey))
        {
            reasons.Add(new(MatchReasonKind.SameName));
        }
        else
        {
            reasons.Add(new(MatchReasonKind.SimilarName));
        }

        if (!string.IsNullOrWhiteSpace(input.Patronymic) && candidate.Patronymic is not null)
        {
            reasons.Add(Transliteration.MatchKey(input.Patronymic) == Transliteration.MatchKey(candidate.Patronymic)
                ? new(MatchReasonKind.SamePatronymic)
                : new(MatchReasonKind.DifferentPatronymic));
        }

        if (input.BirthDate is not null && input.BirthDate == candidate.BirthDate)
        {
            reasons.Add(new(MatchReasonKind.SameBirthDate));
        }
        else if (input.EffectiveBirthYear is { } year && (candidate.BirthYear ?? candidate.BirthDate?.Year) is { } other)
        {
            var apart = Math.Abs(year - other);
            reasons.Add(apart switch
            {
                0 => new(MatchReasonKind.SameBirthYear),
                <= 5 => new(MatchReasonKind.BirthYearsApart, apart),
                _ => new(MatchReasonKind.BirthYearsFarApart, apart),
            });
        }

        return reasons;
    }

    /// <summary>The same words in another order ("Farrukh Rakhimov" and "Rakhimov Farrukh").</summary>
    private static bool SameWords(string a, string b) =>
        a.Split(' ').Order(StringComparer.Ordinal).SequenceEqual(b.Split(' ').Order(StringComparer.Ordinal));
}
