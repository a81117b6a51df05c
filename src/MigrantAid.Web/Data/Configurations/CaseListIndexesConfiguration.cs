using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>
/// The indexes the case list's filters and sorts need beyond those of 0004 (migration 0005_case_list),
/// and the row version that keeps two administrators from silently overwriting a category's names.
/// </summary>
public class CaseListIndexesConfiguration :
    IEntityTypeConfiguration<Case>, IEntityTypeConfiguration<Client>, IEntityTypeConfiguration<ComplaintCategory>
{
    public const string CategoryVersion = "Version";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.HasIndex(c => new { c.Priority, c.OpenedOn, c.Id });
        builder.HasIndex([nameof(Case.OpenedOn), nameof(Case.Id)], "ix_cases_urgent_opened_on_id").HasFilter("is_urgent");
        builder.HasIndex([nameof(Case.Reference)], "ix_cases_reference_pattern").HasOperators("varchar_pattern_ops");
    }

    public void Configure(EntityTypeBuilder<Client> builder) => builder.HasIndex(c => new { c.Citizenship, c.Id });

    /// <summary>PostgreSQL's xmin as a shadow row version (no column to add).</summary>
    public void Configure(EntityTypeBuilder<ComplaintCategory> builder) => builder.Property<uint>(CategoryVersion).IsRowVersion();
}
