using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Categories;

public sealed class CreateCategoryInput : CategoryNames
{
    public const int CodeMaxLength = 64;

    [Required(ErrorMessage = "Choose a group.")]
    [Display(Name = "Group")]
    public string Group { get; set; } = "";

    [Required(ErrorMessage = "Enter a code.")]
    [StringLength(CodeMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+([.-][a-z0-9]+)*$", ErrorMessage = "Use lower-case Latin letters, digits, dots and hyphens, for example labour.wage-theft.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    /// <summary>The groups offered (filled by the handler, never posted).</summary>
    [BindNever]
    public IReadOnlyList<string> Groups { get; set; } = [];
}

/// <summary>Adds a category at the end of its group; the code is unique; audited with its values.</summary>
public sealed class CreateCategoryHandler(AppDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<CreateCategoryInput> NewAsync(CancellationToken cancellationToken = default) =>
        new() { Groups = await CategoryGroups.InUseAsync(db, cancellationToken) };

    /// <summary>Fills the groups offered by the form (for re-rendering it).</summary>
    public async Task OfferGroupsAsync(CreateCategoryInput input, CancellationToken cancellationToken = default) =>
        input.Groups = await CategoryGroups.InUseAsync(db, cancellationToken);

    /// <summary>Adds the category; when refused, the form carries the groups offered again.</summary>
    public async Task<FormOutcome> HandleAsync(CreateCategoryInput input, FormErrors errors, CancellationToken cancellationToken = default)
    {
        await OfferGroupsAsync(input, cancellationToken);
        if (errors.IsValid)
        {
            await CheckAsync(input, errors, cancellationToken);
        }

        return errors.IsValid ? await AddAsync(input, errors, cancellationToken) : FormOutcome.Invalid;
    }

    private string DuplicateCode => l["A category with this code already exists."];

    /// <summary>The group must be one offered, and the code free (one message at a time, the group first).</summary>
    private async Task CheckAsync(CreateCategoryInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim();
        if (!input.Groups.Contains(input.Group))
        {
            errors.Add(nameof(input.Group), l["Choose a group from the list."]);
        }
        else if (await db.ComplaintCategories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            errors.Add(nameof(input.Code), DuplicateCode);
        }
    }

    private async Task<FormOutcome> AddAsync(CreateCategoryInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim();

        var last = await db.ComplaintCategories.Where(c => c.GroupCode == input.Group).MaxAsync(c => (int?)c.SortOrder, cancellationToken)
            ?? await db.ComplaintCategories.MaxAsync(c => (int?)c.SortOrder, cancellationToken)
            ?? 0;
        var category = new ComplaintCategory(code, input.Group, input.NameEn.Trim(), input.NameRu.Trim(), last + 1);
        db.ComplaintCategories.Add(category);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (CategoryCodes.IsDuplicateCode(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            errors.Add(nameof(input.Code), DuplicateCode);
            return FormOutcome.Invalid;
        }

        await audit.RecordAsync(CategoryAuditActions.Created, "category", category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CategoryCodes.Changes(
                (nameof(ComplaintCategory.Code), null, category.Code),
                (nameof(ComplaintCategory.GroupCode), null, category.GroupCode),
                (nameof(ComplaintCategory.NameEn), null, category.NameEn),
                (nameof(ComplaintCategory.NameRu), null, category.NameRu)),
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }
}
