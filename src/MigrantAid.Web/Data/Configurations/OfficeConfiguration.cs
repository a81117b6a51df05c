using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data.Configurations;

public class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Office.NameMaxLength).IsRequired();
        builder.Property(o => o.Code).HasMaxLength(5).IsRequired().HasDefaultValue("");
        builder.Property(o => o.City).HasMaxLength(Office.CityMaxLength).IsRequired();
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(o => o.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Name).IsUnique();

        // Case references start with the code, so two offices cannot share one (offices without a code are exempt).
        builder.HasIndex(o => o.Code).IsUnique().HasFilter("code <> ''").HasDatabaseName("ix_offices_code");
    }
}
