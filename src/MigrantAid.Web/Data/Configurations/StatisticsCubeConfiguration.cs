using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Statistics;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>statistics_cube (migration 0027): filled by triggers, read by raw SQL; its key is a unique index where NULLs are equal.</summary>
public class StatisticsCubeConfiguration : IEntityTypeConfiguration<StatisticsCubeRow>
{
    public void Configure(EntityTypeBuilder<StatisticsCubeRow> builder)
    {
        builder.ToTable("statistics_cube");
        builder.HasNoKey();
        builder.Property(f => f.Citizenship).HasMaxLength(2).IsFixedLength();
        builder.Property(f => f.IncidentCountry).HasMaxLength(2).IsFixedLength();
        builder.Property(f => f.Forum).HasColumnType("text");
        builder.HasIndex(f => new
        {
            f.OfficeId,
            f.OpenedYear,
            f.Citizenship,
            f.IncidentCountry,
            f.AgeGroup,
            f.Sex,
            f.Outcome,
            f.Situation,
            f.CategoryId,
            f.CategoryFirst,
            f.Forum,
            f.ForumFirst,
        }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ix_statistics_cube_key");
    }
}
