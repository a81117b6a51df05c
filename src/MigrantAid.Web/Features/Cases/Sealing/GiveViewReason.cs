using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Sealing;

public sealed class ViewReasonInput : CaseFormHeading
{
    [Required(ErrorMessage = "Say why you are opening this sealed case.")]
    [StringLength(SealedViewReason.ReasonMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Why are you opening this case?")]
    public string? Reason { get; set; }

    /// <summary>The page asked for, opened once the reason is given (a local address only).</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>The case is not sealed (any more): no reason is asked.</summary>
    [BindNever]
    [ValidateNever]
    public bool NotSealed { get; set; }

    public void Describe(Case c) => DescribeCase(c);
}

/// <summary>
/// The reason a person named on a sealed case gives before viewing it (issue 15, <see cref="SealedReasonFilter"/>): kept for
/// this sign-in session and this case for <see cref="SealedViewReason.Lifetime"/>, and audited (<c>case.view-reason-given</c>).
/// Whoever may not see the case gets 404, as on the case page.
/// </summary>
public sealed class GiveViewReasonHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock)
{
    public async Task<ViewReasonInput?> LoadAsync(Guid id, string? returnUrl, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.View, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new ViewReasonInput { ReturnUrl = returnUrl, NotSealed = !c.IsSealed };
        input.Describe(c);
        return input;
    }

    public async Task<FormOutcome> GiveAsync(Guid id, ViewReasonInput input, Viewer viewer, Guid? sessionId, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.View, track: false, cancellationToken);
        if (c is null || sessionId is not { } session)
        {
            return FormOutcome.Refused(result);
        }

        input.Describe(c);
        if (!c.IsSealed)
        {
            return FormOutcome.Unchanged;
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var reason = input.Reason!.Trim();
        var now = clock.GetUtcNow();
        var expires = now + SealedViewReason.Lifetime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SealedViewReasons.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sealed_view_reasons (session_id, case_id, user_id, reason, given_at, expires_at)
            VALUES ({session}, {id}, {viewer.UserId}, {reason}, {now}, {expires})
            ON CONFLICT (session_id, case_id) DO UPDATE SET reason = excluded.reason, given_at = excluded.given_at, expires_at = excluded.expires_at
            """, cancellationToken);
        await audit.RecordAsync(SealingAuditActions.ReasonGiven, "case", id.ToString(),
            new Dictionary<string, object> { ["reference"] = c.Reference, [SealedReasonFilter.Detail] = reason }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }
}
