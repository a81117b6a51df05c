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
    }
}
