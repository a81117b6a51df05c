using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

/// <summary>The minimal record of a new client, registered without leaving the interview.</summary>
public sealed class NewClientInput
{
    [Required(ErrorMessage = "Enter the client's name.")]
    [StringLength(Client.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    [StringLength(Client.PatronymicMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Patronymic")]
    public string? Patronymic { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? BirthDate { get; set; }

    [Range(1900, 2100, ErrorMessage = "Enter a year between {1} and {2}.")]
    [Display(Name = "Year of birth (if the date is not known)")]
    public int? BirthYear { get; set; }

    [Display(Name = "Sex")]
    public Sex Sex { get; set; }

    [Display(Name = "Citizenship")]
    public string? Citizenship { get; set; }

    /// <summary>The user saw the possible duplicates and still wants a new client.</summary>
    public bool ConfirmNew { get; set; }
}

public sealed class IntakeClientModel : IntakeStepInput
{
    [BindNever]
    [ValidateNever]
    public string? Name { get; set; }

    [BindNever]
    [ValidateNever]
    public bool Searched { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<ClientCandidate> Candidates { get; set; } = [];

    public NewClientInput NewClient { get; set; } = new();

    /// <summary>Existing clients that look like the one being registered ("find before you create").</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<ClientCandidate> Duplicates { get; set; } = [];
}

/// <summary>Step 1: find the client among existing ones, or register a new one; the choice is saved on the draft.</summary>
public sealed class IntakeClientStepHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int CandidatesShown = 15;

    public async Task<(IntakeClientModel? Model, FormOutcome Outcome)> LoadAsync(Guid id, string? name, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: false, cancellationToken);
        if (intake is null)
        {
            return (null, refused!);
        }

        var model = new IntakeClientModel { Version = intake.Version, Name = name?.Trim() };
        await FillAsync(model, intake, viewer, cancellationToken);
        return (model, FormOutcome.Saved());
    }

    public async Task<(IntakeClientModel? Model, FormOutcome Outcome)> ChooseAsync(Guid id, Guid? clientId, uint version, string? next, Viewer viewer,
        FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return (null, refused!);
        }

        var model = new IntakeClientModel { Version = version, Next = next };
        if (clientId is not { } chosen
            || !await db.Clients.AsNoTracking().Where(ClientAccess.VisibleClients(viewer, db)).AnyAsync(c => c.Id == chosen, cancellationToken))
        {
            errors.Add("ClientId", l["Choose a client from the search results."]);
            await FillAsync(model, intake, viewer, cancellationToken);
            return (model, FormOutcome.Invalid);
        }

        return await SaveChoiceAsync(intake, chosen, model, viewer, created: null, cancellationToken);
    }

    public async Task<FormOutcome> CreateAsync(Guid id, IntakeClientModel model, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        var input = model.NewClient;
        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, intake.OfficeId, cancellationToken)).Today(now);
        const string prefix = nameof(IntakeClientModel.NewClient) + ".";
        if (input.BirthDate is { } born && born > today)
        {
            errors.Add(prefix + nameof(input.BirthDate), l["The date of birth cannot be in the future."]);
        }

        if (input.BirthDate is null && input.BirthYear is { } year && year > today.Year)
        {
            errors.Add(prefix + nameof(input.BirthYear), l["The year of birth cannot be in the future."]);
        }

        if (!Enum.IsDefined(input.Sex))
        {
            errors.Add(prefix + nameof(input.Sex), l["Choose from the list."]);
        }

        input.Citizenship = string.IsNullOrWhiteSpace(input.Citizenship) ? null : input.Citizenship.Trim();
        if (input.Citizenship is not null && !Citizenships.IsKnown(input.Citizenship))
        {
            errors.Add(prefix + nameof(input.Citizenship), l["Choose a country from the list."]);
        }

        if (!errors.IsValid)
        {
            await FillAsync(model, intake, viewer, cancellationToken);
            return FormOutcome.Invalid;
        }

        if (!input.ConfirmNew)
        {
            var duplicates = await ClientFinder.FindAsync(db, viewer, input.FullName!, input.Patronymic, input.BirthDate, input.BirthYear,
                limit: CandidatesShown, cancellationToken: cancellationToken);
            if (duplicates.Count > 0)
            {
                await FillAsync(model, intake, viewer, cancellationToken);
                model.Duplicates = duplicates;
                return FormOutcome.Invalid;
            }
        }

        var client = new Client(intake.OfficeId, input.FullName!, input.Patronymic, viewer.UserId, now) { Sex = input.Sex, Citizenship = input.Citizenship };
        client.SetBirth(input.BirthDate, input.BirthDate is null ? input.BirthYear : null);
        db.Clients.Add(client);
        return (await SaveChoiceAsync(intake, client.Id, model, viewer, client, cancellationToken)).Outcome;
    }

    private async Task<(IntakeClientModel? Model, FormOutcome Outcome)> SaveChoiceAsync(Domain.Cases.Intake intake, Guid clientId, IntakeClientModel model,
        Viewer viewer, Client? created, CancellationToken cancellationToken)
    {
        var previous = intake.ClientId;
        intake.ClientId = clientId;
        IntakeSaving.Reach(intake, IntakeStep.Complaint);
        intake.Touch(clock.GetUtcNow());
        var saved = await VersionedSave.SaveAsync(db, intake, model.Version, async () =>
        {
            if (created is not null)
            {
                await audit.RecordAsync(CaseAuditActions.ClientCreated, "client", created.Id.ToString(),
                    new { office = created.OfficeId, intake = intake.Id }, cancellationToken: cancellationToken);
            }

            await audit.RecordAsync(CaseAuditActions.IntakeUpdated, "intake", intake.Id.ToString(),
                new { step = "client", field = "ClientId", old = previous, @new = clientId }, cancellationToken: cancellationToken);
        }, cancellationToken);
        if (saved)
        {
            return (model, FormOutcome.Saved());
        }

        var stored = await gate.LoadAsync(intake.Id, viewer, track: false, cancellationToken);
        if (stored is null)
        {
            return (null, FormOutcome.NotFound);
        }

        await FillAsync(model, stored, viewer, cancellationToken);
        return (model, model.ShowConflict(stored.Version,
            l["Someone else saved this intake while you were working on it. The client now chosen is shown above and nothing was overwritten. Your entries are kept: choose again to replace it."]));
    }

    private async Task FillAsync(IntakeClientModel model, Domain.Cases.Intake intake, Viewer viewer, CancellationToken cancellationToken)
    {
        model.Header = await IntakeHeader.ReadAsync(db, intake, clock.GetUtcNow(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(model.Name))
        {
            model.Searched = true;
            model.Candidates = await ClientFinder.FindAsync(db, viewer, model.Name, null, null, null, limit: CandidatesShown, cancellationToken: cancellationToken);
        }
    }
}
