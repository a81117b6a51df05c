using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The case a form is about, as its heading shows it (reference and title). Never bound from the
/// request: the handler reads it from the case it loaded. Case, proceedings, submission and deadline
/// forms build on it.
/// </summary>
public abstract class CaseFormHeading
{
    [BindNever]
    [ValidateNever]
    public Guid CaseId { get; set; }

    [BindNever]
    [ValidateNever]
    public string Reference { get; set; } = "";

    [BindNever]
    [ValidateNever]
    public string CaseTitle { get; set; } = "";

    protected void DescribeCase(Case c)
    {
        CaseId = c.Id;
        Reference = c.Reference;
        CaseTitle = c.Title;
    }
}
