using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>The UN follow-up (migration 0023): the clients a submission is for, and the committee's assessments round by round.</summary>
public class FollowUpConfiguration : IEntityTypeConfiguration<SubmissionClient>, IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<SubmissionClient> builder)
    {
        builder.ToTable("submission_clients");
        builder.HasKey(c => new { c.SubmissionId, c.ClientId });
        builder.HasOne<InternationalSubmission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ClientId);
    }

    public void Configure(EntityTypeBuilder<FollowUpRound> builder)
    {
        builder.ToTable("follow_up_rounds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Note).HasMaxLength(FollowUpRound.NoteMaxLength);
        builder.HasOne<InternationalSubmission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SubmissionId, r.Round }).IsUnique();
    }
}
