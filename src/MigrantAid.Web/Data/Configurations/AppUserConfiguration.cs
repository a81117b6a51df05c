using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(AppUser.FullNameMaxLength).IsRequired();
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8).IsRequired();
        builder.Property(u => u.IsActive).IsRequired();
        builder.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);

        // The users list is paged by e-mail (keyset): normalized_email already carries an index.
        builder.HasIndex(u => u.OfficeId);

        // The users list searches "contains" in name and e-mail (ILIKE/LIKE '%q%'): trigram indexes serve that
        // without a scan of the table. Named, so they do not merge with Identity's btree index on normalized_email.
        builder.HasIndex(u => u.FullName, "ix_users_full_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(u => u.NormalizedEmail, "ix_users_normalized_email_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
