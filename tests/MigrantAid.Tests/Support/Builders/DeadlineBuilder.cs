using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>
/// An open deadline of a case, entered by hand, due on 2 April 2026 unless told. A deadline with an assignee is
/// a task unless <see cref="OfKind"/> says otherwise.
/// </summary>
public sealed class DeadlineBuilder(PortalFactory portal, Guid caseId) : ISeed<Guid>
{
    private string _title = "Deadline " + Seeding.Unique();
    private DateOnly _dueOn = new(2026, 4, 2);
    private DeadlineKind? _kind;
    private DeadlineStatus _status = DeadlineStatus.Open;
    private Guid? _assignee;

    public DeadlineBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    public DeadlineBuilder DueOn(DateOnly date)
    {
        _dueOn = date;
        return this;
    }

    public DeadlineBuilder OfKind(DeadlineKind kind)
    {
        _kind = kind;
        return this;
    }

    public DeadlineBuilder WithStatus(DeadlineStatus status)
    {
        _status = status;
        return this;
    }

    public DeadlineBuilder AssignedTo(Guid? userId)
    {
        _assignee = userId;
        return this;
    }

    public Task<Guid> SaveAsync() => portal.SeedAsync(this);

    public Task<Guid> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var kind = _kind ?? (_assignee is null ? DeadlineKind.Manual : DeadlineKind.Task);
        var deadline = new CaseDeadline(caseId, kind, _title, _dueOn, Seeding.System, now) { Status = _status, AssigneeId = _assignee };
        db.CaseDeadlines.Add(deadline);
        return Task.FromResult(deadline.Id);
    }
}
