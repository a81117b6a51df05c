namespace MigrantAid.Web.Domain.International;

/// <summary>
/// Reference data kept by administrators: whether a state has accepted a procedure of an international
/// body (e.g. Kazakhstan and the individual communications of the Human Rights Committee), since when.
/// Shipped starter values carry <see cref="NeedsVerification"/> until an administrator confirms them
/// against the UN treaty body database.
/// </summary>
public class AcceptedProcedure
{
    public const int NotesMaxLength = 2000;

    public int Id { get; private set; }

    /// <summary>ISO code of the state (Countries.Codes).</summary>
    public string State { get; set; } = "";

    public InternationalBody Body { get; set; }

    public TreatyProcedure Procedure { get; set; }

    public bool IsAccepted { get; set; }

    public int? SinceYear { get; set; }

    public string? Notes { get; set; }

    public bool NeedsVerification { get; set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
