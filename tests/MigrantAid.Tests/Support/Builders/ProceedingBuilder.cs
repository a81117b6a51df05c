using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Support.Builders;

public sealed record BuiltProceeding(Guid Id, IReadOnlyList<Guid> HearingIds, IReadOnlyList<Guid> DecisionIds)
{
    /// <summary>The first (usually the only) hearing.</summary>
    public Guid HearingId => HearingIds[0];
}

/// <summary>
/// A court proceeding of a case: by default an administrative-expulsion case at first instance before the
/// Tverskoy District Court of Moscow, the client the person concerned, opened on 2 March 2026 (or two months
/// before its first hearing), with the hearings and decisions added by <see cref="WithHearing"/> and <see cref="WithDecision"/>.
/// </summary>
public sealed class ProceedingBuilder(PortalFactory portal, Guid caseId) : ISeed<BuiltProceeding>
{
    private string _country = "RU";
    private string _court = "Tverskoy District Court of Moscow";
    private CourtInstance _instance = CourtInstance.FirstInstance;
    private ProceedingType _type = ProceedingType.AdministrativeOffence;
    private DateOnly? _openedOn;
    private Guid? _challenges;
    private readonly List<HearingBuilder> _hearings = [];
    private readonly List<DecisionBuilder> _decisions = [];

    public ProceedingBuilder InCourt(string court, string? country = null)
    {
        _court = court;
        _country = country ?? _country;
        return this;
    }

    /// <summary>The country whose court it is (the forum).</summary>
    public ProceedingBuilder InCountry(string country)
    {
        _country = country;
        return this;
    }

    public ProceedingBuilder AtInstance(CourtInstance instance)
    {
        _instance = instance;
        return this;
    }

    public ProceedingBuilder OfType(ProceedingType type)
    {
        _type = type;
        return this;
    }

    public ProceedingBuilder OpenedOn(DateOnly date)
    {
        _openedOn = date;
        return this;
    }

    /// <summary>An appeal: the proceeding it challenges.</summary>
    public ProceedingBuilder Challenging(Guid? proceedingId)
    {
        _challenges = proceedingId;
        return this;
    }

    public ProceedingBuilder WithHearing(DateTimeOffset startsAt, bool held = false)
    {
        _hearings.Add(new HearingBuilder(portal, caseId, Guid.Empty).At(startsAt).Held(held));
        return this;
    }

    public ProceedingBuilder WithDecision(DateOnly decidedOn)
    {
        _decisions.Add(new DecisionBuilder(portal, caseId, Guid.Empty).On(decidedOn));
        return this;
    }

    public Task<BuiltProceeding> SaveAsync() => portal.SeedAsync(this);

    public async Task<BuiltProceeding> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var opened = _openedOn ?? (_hearings.Count > 0 ? DateOnly.FromDateTime(_hearings.Min(h => h.StartsAt).UtcDateTime).AddMonths(-2) : new DateOnly(2026, 3, 2));
        var proceeding = new CourtProceeding(caseId, _country, _court, _instance, _type, "Administrative expulsion", ProceedingClientRole.PersonConcerned,
            opened, Seeding.System, now)
        {
            ChallengesId = _challenges,
        };
        db.CourtProceedings.Add(proceeding);
        var hearings = new List<Guid>();
        foreach (var hearing in _hearings)
        {
            hearings.Add(await hearing.Of(proceeding.Id).AddToAsync(db, now));
        }

        var decisions = new List<Guid>();
        foreach (var decision in _decisions)
        {
            decisions.Add(await decision.Of(proceeding.Id).AddToAsync(db, now));
        }

        return new BuiltProceeding(proceeding.Id, hearings, decisions);
    }
}

/// <summary>A hearing of a proceeding, in courtroom 5, not yet held.</summary>
public sealed class HearingBuilder(PortalFactory portal, Guid caseId, Guid proceedingId) : ISeed<Guid>
{
    private Guid _proceedingId = proceedingId;
    private bool _held;

    public DateTimeOffset StartsAt { get; private set; } = new(2026, 4, 1, 7, 0, 0, TimeSpan.Zero);

    public HearingBuilder At(DateTimeOffset startsAt)
    {
        StartsAt = startsAt;
        return this;
    }

    public HearingBuilder Held(bool held = true)
    {
        _held = held;
        return this;
    }

    public Task<Guid> SaveAsync() => portal.SeedAsync(this);

    public Task<Guid> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var hearing = new Hearing(_proceedingId, caseId, StartsAt, "Courtroom 5", Seeding.System, now) { IsHeld = _held };
        db.Hearings.Add(hearing);
        return Task.FromResult(hearing.Id);
    }

    internal HearingBuilder Of(Guid proceeding)
    {
        _proceedingId = proceeding;
        return this;
    }
}

/// <summary>A decision of a proceeding: the claim rejected.</summary>
public sealed class DecisionBuilder(PortalFactory portal, Guid caseId, Guid proceedingId) : ISeed<Guid>
{
    private Guid _proceedingId = proceedingId;
    private DateOnly _decidedOn = new(2026, 4, 1);
    private DecisionOutcome _outcome = DecisionOutcome.Rejected;

    public DecisionBuilder On(DateOnly decidedOn)
    {
        _decidedOn = decidedOn;
        return this;
    }

    public DecisionBuilder WithOutcome(DecisionOutcome outcome)
    {
        _outcome = outcome;
        return this;
    }

    public Task<Guid> SaveAsync() => portal.SeedAsync(this);

    public Task<Guid> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var decision = new CourtDecision(_proceedingId, caseId, _decidedOn, _outcome, Seeding.System, now);
        db.CourtDecisions.Add(decision);
        return Task.FromResult(decision.Id);
    }

    internal DecisionBuilder Of(Guid proceeding)
    {
        _proceedingId = proceeding;
        return this;
    }
}
