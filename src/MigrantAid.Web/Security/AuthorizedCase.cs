using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Security;

/// <summary>
/// A case as stored, after <see cref="CaseGate.ViewAsync"/> found that the user may see it: only the gate
/// makes one. The case page hands it to its sections (deadlines, proceedings, international work), so a
/// section can only ever be shown for a case the user was authorized for, never for an id it is given.
/// </summary>
public sealed class AuthorizedCase
{
    private AuthorizedCase(Case record) => Record = record;

    /// <summary>The case as loaded (untracked), with its lawyers and clients.</summary>
    public Case Record { get; }

    public Guid Id => Record.Id;

    public Guid OfficeId => Record.OfficeId;

    internal static AuthorizedCase Of(Case record) => new(record);
}
