using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>Organisation exports (migration 0016_organisation_exports).</summary>
public class OrganisationExportConfiguration : IEntityTypeConfiguration<OrganisationExport>
{
    public void Configure(EntityTypeBuilder<OrganisationExport> builder)
    {
        builder.ToTable("organisation_exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Worker).HasMaxLength(OrganisationExport.WorkerMaxLength);
        builder.Property(e => e.CurrentFile).HasMaxLength(OrganisationExport.FileMaxLength);
        builder.Property(e => e.Error).HasMaxLength(OrganisationExport.ErrorMaxLength);
        builder.Ignore(e => e.Percent);
        builder.Ignore(e => e.IsActive);
        builder.Ignore(e => e.DownloadName);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RequestedBy).OnDelete(DeleteBehavior.Restrict);

        // The worker's queue (oldest queued first) and the list (newest first, keyset on requested_at, id).
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => new { e.RequestedAt, e.Id });
        builder.HasIndex(e => e.RequestedBy);
    }
}
