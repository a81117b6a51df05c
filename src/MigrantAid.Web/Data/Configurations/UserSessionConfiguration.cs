using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>Server-side sessions (migration 0020_user_sessions, ADR 0011).</summary>
public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public const string ActiveFilter = "ended_at IS NULL";

    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMaxLength);
        builder.Property(s => s.ClientAddress).HasMaxLength(UserSession.AddressMaxLength);
        builder.Property(s => s.EndedReason).HasMaxLength(UserSession.ReasonMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // A user's open sessions (the profile list, "sign out of the others", ending all at a password change).
        builder.HasIndex([nameof(UserSession.UserId), nameof(UserSession.CreatedAt)], "ix_user_sessions_active_user_id_created_at")
            .HasFilter(ActiveFilter);
        builder.HasIndex(s => s.UserId);
    }
}
