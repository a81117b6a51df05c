using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).UseIdentityByDefaultColumn();
        builder.Property(n => n.Reference).HasMaxLength(Notification.ReferenceMaxLength).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Ignore(n => n.IsRead);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseDeadline>().WithMany().HasForeignKey(n => n.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Hearing>().WithMany().HasForeignKey(n => n.HearingId).OnDelete(DeleteBehavior.Cascade);

        // The list: a user's notifications newest first, by keyset on id.
        builder.HasIndex(n => new { n.UserId, n.Id });

        // The navigation badge on every page: one count over a small partial index.
        builder.HasIndex([nameof(Notification.UserId)], "ix_notifications_unread").HasFilter("read_at IS NULL");

        // One reminder per user, date and day; these also serve the foreign keys' cascades.
        builder.HasIndex(n => new { n.DeadlineId, n.UserId, n.Day }).IsUnique().HasFilter("deadline_id IS NOT NULL");
        builder.HasIndex(n => new { n.HearingId, n.UserId, n.Day }).IsUnique().HasFilter("hearing_id IS NOT NULL");
        builder.HasIndex(n => n.CaseId);
    }

    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("digest_runs");
        builder.HasKey(r => new { r.UserId, r.Day });
        builder.Property(r => r.LastError).HasMaxLength(DigestRun.ErrorMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // The sender's queue: pending e-mails by the time they may be tried.
        builder.HasIndex([nameof(DigestRun.NextAttemptAt)], "ix_digest_runs_pending").HasFilter("status = 0");

        // The administrators' list of deliveries that are not done (pending or failed), newest day first.
        builder.HasIndex([nameof(DigestRun.Day), nameof(DigestRun.UserId)], "ix_digest_runs_open").HasFilter("status IN (0, 2)");
    }
}
