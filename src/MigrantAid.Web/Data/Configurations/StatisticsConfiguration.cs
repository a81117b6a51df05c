using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Statistics;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>case_facts (migration 0014): filled by triggers; the year index serves period filters, the GIN index the category filter.</summary>
public class StatisticsConfiguration : IEntityTypeConfiguration<CaseFact>
{
    public void Configure(EntityTypeBuilder<CaseFact> builder)
    {
        builder.ToTable("case_facts");
        builder.HasKey(f => f.CaseId);
        builder.Property(f => f.CaseId).ValueGeneratedNever();
        builder.Property(f => f.Citizenship).HasMaxLength(2).IsFixedLength();
        builder.Property(f => f.IncidentCountry).HasMaxLength(2).IsFixedLength();
        builder.Property(f => f.CategoryIds).HasColumnType("integer[]").IsRequired();
        builder.Property(f => f.Forums).HasColumnType("text[]").IsRequired();
        builder.HasOne<Case>().WithOne().HasForeignKey<CaseFact>(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.OpenedYear);
        builder.HasIndex(f => f.CategoryIds).HasMethod("gin");
    }
}
