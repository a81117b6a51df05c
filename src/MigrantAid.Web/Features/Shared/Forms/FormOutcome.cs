using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Shared.Forms;

public enum FormOutcomeKind
{
    Saved,
    Unchanged,

    /// <summary>Refused: the messages are in the handler's <see cref="FormErrors"/>.</summary>
    Invalid,

    /// <summary>Someone else saved in between: nothing was written, the stored values are on the input.</summary>
    Conflict,

    /// <summary>Missing, or not visible to the user: answered 404 alike.</summary>
    NotFound,

    /// <summary>The user sees the record but may not do this: answered 403.</summary>
    Forbidden,
}

/// <summary>
/// What a submitted form came to: the one answer every form handler gives. The controller turns it into
/// a page with <see cref="FormResults"/>; a handler never decides about views, redirects or messages shown.
/// </summary>
public sealed class FormOutcome
{
    private FormOutcome(FormOutcomeKind kind) => Kind = kind;

    public static FormOutcome Unchanged { get; } = new(FormOutcomeKind.Unchanged);

    public static FormOutcome Invalid { get; } = new(FormOutcomeKind.Invalid);

    public static FormOutcome NotFound { get; } = new(FormOutcomeKind.NotFound);

    public static FormOutcome Forbidden { get; } = new(FormOutcomeKind.Forbidden);

    public FormOutcomeKind Kind { get; }

    /// <summary>Saved: the id of the record written (e.g. a new one, for the redirect).</summary>
    public Guid? Id { get; private init; }

    /// <summary>Saved: anything else the answer shows (e.g. the deadlines the save computed).</summary>
    public object? Data { get; private init; }

    /// <summary>Conflict: the message shown above the form.</summary>
    public string? Message { get; private init; }

    /// <summary>Conflict: the fields whose posted value gives way to the stored one (e.g. the row version).</summary>
    public IReadOnlyList<string> Refresh { get; private init; } = [];

    public bool IsSaved => Kind == FormOutcomeKind.Saved;

    public static FormOutcome Saved(Guid? id = null, object? data = null) => new(FormOutcomeKind.Saved) { Id = id, Data = data };

    /// <param name="message">Already localized.</param>
    /// <param name="refresh">Keys of the fields to show from the input as the handler refreshed it, not as posted.</param>
    public static FormOutcome Conflict(string message, params string[] refresh) =>
        new(FormOutcomeKind.Conflict) { Message = message, Refresh = refresh };

    /// <summary>The answer for a record the gate did not let through: 403 when the user sees it, else 404.</summary>
    public static FormOutcome Refused(CaseGateResult gate) => gate == CaseGateResult.Forbidden ? Forbidden : NotFound;

    public override string ToString() => Kind.ToString();
}
