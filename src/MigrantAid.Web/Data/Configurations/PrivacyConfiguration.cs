using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Data.Configurations;

public sealed class RetentionPolicyConfiguration : IEntityTypeConfiguration<RetentionPolicy>
{
    public void Configure(EntityTypeBuilder<RetentionPolicy> builder)
    {
        builder.ToTable("retention_policies");
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}

public sealed class AnonymisationRunConfiguration : IEntityTypeConfiguration<AnonymisationRun>
{
    public void Configure(EntityTypeBuilder<AnonymisationRun> builder)
    {
        builder.ToTable("anonymisation_runs");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<short>();
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => r.StartedAt);
    }
}
