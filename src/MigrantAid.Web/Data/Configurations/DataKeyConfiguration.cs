using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Data.Encryption;

namespace MigrantAid.Web.Data.Configurations;

public sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> builder)
    {
        builder.ToTable("data_keys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Purpose).HasMaxLength(40);
        builder.Property(k => k.KekFingerprint).HasMaxLength(64);
        builder.HasIndex(k => k.Purpose).IsUnique();
    }
}
