using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Lists;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>Saved filters of the case list and the desk (migration 0025): a user's own, unique by name within a list.</summary>
public class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> builder)
    {
        builder.ToTable("saved_filters");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.List).HasMaxLength(20).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(SavedFilter.MaxNameLength).IsRequired();
        builder.Property(f => f.Query).HasMaxLength(SavedFilter.MaxQueryLength).IsRequired();
        builder.Ignore(f => f.Url);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);

        // One name per user and list; the list of a user's filters is read by this index, in name order.
        builder.HasIndex(f => new { f.UserId, f.List, f.Name }).IsUnique();
    }
}
