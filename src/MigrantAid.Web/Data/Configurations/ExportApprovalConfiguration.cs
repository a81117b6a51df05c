using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>Requests to export client data beyond the configured size (migration 0032_export_approvals).</summary>
public class ExportApprovalConfiguration : IEntityTypeConfiguration<ExportApproval>
{
    public void Configure(EntityTypeBuilder<ExportApproval> builder)
    {
        builder.ToTable("export_approvals");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Filters).HasMaxLength(ExportApproval.MaxFiltersLength).IsRequired();
        builder.Property(e => e.FilterText).HasMaxLength(ExportApproval.MaxFiltersLength).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(ExportApproval.MaxReasonLength).IsRequired();
        builder.Ignore(e => e.DownloadableUntil);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationExport>().WithMany().HasForeignKey(e => e.ExportId).OnDelete(DeleteBehavior.Restrict);

        // The approvers' list (pending, oldest first), the requester's own list (newest first), the export's approval.
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => new { e.RequestedBy, e.RequestedAt });
        builder.HasIndex(e => e.DecidedBy);
        builder.HasIndex(e => e.ExportId).IsUnique();
    }
}
