using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Support.Builders;

/// <summary>A submission of a case to an international body, against Russia, submitted on 1 May 2026 unless told.</summary>
public sealed class SubmissionBuilder(PortalFactory portal, Guid caseId) : ISeed<Guid>
{
    private InternationalBody _body = InternationalBody.CMW;
    private DateOnly _submittedOn = new(2026, 5, 1);

    public SubmissionBuilder To(InternationalBody body)
    {
        _body = body;
        return this;
    }

    public SubmissionBuilder SubmittedOn(DateOnly date)
    {
        _submittedOn = date;
        return this;
    }

    public Task<Guid> SaveAsync() => portal.SeedAsync(this);

    public Task<Guid> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var submission = new InternationalSubmission(caseId, Seeding.System, now) { Body = _body, StateConcerned = "RU", SubmittedOn = _submittedOn };
        db.InternationalSubmissions.Add(submission);
        return Task.FromResult(submission.Id);
    }
}

/// <summary>A document of a case: a four-byte PDF under the given file name.</summary>
public sealed class DocumentBuilder(PortalFactory portal, Guid caseId, string fileName) : ISeed<Guid>
{
    public Task<Guid> SaveAsync() => portal.SeedAsync(this);

    public Task<Guid> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var document = new CaseDocument(caseId, fileName, "application/pdf", 4, new string('0', 64), Seeding.System, now);
        db.CaseDocuments.Add(document);
        db.CaseDocumentContents.Add(new CaseDocumentContent(document.Id, "%PDF"u8.ToArray()));
        return Task.FromResult(document.Id);
    }
}

/// <summary>An active deadline rule: by default the starter rule for appeals in administrative-offence cases (10 calendar days from receipt of the decision).</summary>
public sealed class DeadlineRuleBuilder(PortalFactory portal, string name) : ISeed<DeadlineRule>
{
    /// <summary>Stores the rule and returns its id (given by the database).</summary>
    public async Task<int> SaveAsync() => (await portal.SeedAsync(this)).Id;

    public Task<DeadlineRule> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var rule = new DeadlineRule
        {
            Name = name,
            Forum = "RU",
            Procedure = "Appeal against a decision in an administrative-offence case",
            Trigger = TriggerEvent.DecisionReceived,
            ProceedingType = ProceedingType.AdministrativeOffence,
            Period = 10,
            Unit = PeriodUnit.CalendarDays,
            IsActive = true,
        };
        db.DeadlineRules.Add(rule);
        return Task.FromResult(rule);
    }
}

/// <summary>A reminder of a deadline for a user, as the morning job would store it: due the day after <c>today</c>, unread unless told.</summary>
public sealed class NotificationBuilder(PortalFactory portal, Guid userId, Guid caseId, string reference, Guid deadlineId, DateOnly today) : ISeed<Notification>
{
    private bool _read;

    public NotificationBuilder Read(bool read = true)
    {
        _read = read;
        return this;
    }

    public Task<Notification> SaveAsync() => portal.SeedAsync(this);

    public Task<Notification> AddToAsync(AppDbContext db, DateTimeOffset now)
    {
        var notification = Notification.ForDeadline(userId, today, caseId, reference, deadlineId, "Reminder", today.AddDays(1), now);
        if (_read)
        {
            notification.MarkRead(now);
        }

        db.Notifications.Add(notification);
        return Task.FromResult(notification);
    }
}
