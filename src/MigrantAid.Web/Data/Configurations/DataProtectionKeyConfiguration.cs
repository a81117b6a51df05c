using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>
/// The Data Protection package's key entity on the table the portal has kept its key ring in since
/// migration 0001 (id, friendly_name, xml): existing keys stay valid.
/// </summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Xml).IsRequired();
    }
}
