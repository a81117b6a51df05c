using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// One detail added to a client record from its own small form (a spelling, a contact, a document, a stay):
/// its own checks, and how it is added to the client with the change the audit trail records.
/// </summary>
public interface IClientDetailInput
{
    /// <summary>The checks beyond the input's attributes; <paramref name="today"/> is the office's date.</summary>
    void Validate(FormErrors errors, DateOnly today, IStringLocalizer l);

    /// <summary>Adds the detail to the (tracked) client and says what changed, without contact values or document numbers.</summary>
    FieldChange AddTo(Client client, DateTimeOffset now);
}

/// <summary>
/// Adds any <see cref="IClientDetailInput"/> to a client the viewer may see: load, check, add, and save with its audit
/// event. A client the viewer may not see is not found; a concurrent change to the client saves nothing.
/// </summary>
public sealed class AddClientDetailHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    /// <summary>Whose record the form adds to; null when missing or not visible.</summary>
    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public async Task<FormOutcome> HandleAsync<T>(Guid id, T input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
        where T : IClientDetailInput
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return FormOutcome.NotFound;
        }

        input.Validate(errors, await _records.TodayAsync(viewer.OfficeId, null, cancellationToken), l);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var change = input.AddTo(client, _records.Now);
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes([change]), cancellationToken);
        return saved ? FormOutcome.Saved(id) : ClientRecords.Conflict(l);
    }
}
