using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Data.Configurations;

public class ProceedingConfiguration :
    IEntityTypeConfiguration<CourtProceeding>, IEntityTypeConfiguration<Hearing>, IEntityTypeConfiguration<CourtDecision>
{
    public void Configure(EntityTypeBuilder<CourtProceeding> builder)
    {
        builder.ToTable("court_proceedings");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Jurisdiction).HasMaxLength(8).IsRequired();
        builder.Property(p => p.Court).HasMaxLength(CourtProceeding.CourtMaxLength).IsRequired();
        builder.Property(p => p.CourtCaseNumber).HasMaxLength(100);
        builder.Property(p => p.Judge).HasMaxLength(200);
        builder.Property(p => p.Subject).HasMaxLength(CourtProceeding.SubjectMaxLength).IsRequired();
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourtProceeding>().WithMany().HasForeignKey(p => p.ChallengesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CaseId, p.OpenedOn });
        builder.HasIndex(p => p.ChallengesId);
    }

    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.ToTable("hearings");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Place).HasMaxLength(Hearing.TextMaxLength);
        builder.Property(h => h.Result).HasMaxLength(Hearing.TextMaxLength);
        builder.Property(h => h.Version).IsRowVersion();
        builder.HasOne<CourtProceeding>().WithMany().HasForeignKey(h => h.ProceedingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.ProceedingId, h.StartsAt });
        builder.HasIndex(h => new { h.CaseId, h.StartsAt });
    }

    public void Configure(EntityTypeBuilder<CourtDecision> builder)
    {
        builder.ToTable("court_decisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Summary).HasMaxLength(CourtDecision.SummaryMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne<CourtProceeding>().WithMany().HasForeignKey(d => d.ProceedingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.ProceedingId);
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.DocumentId);

        // The desk's "dates to enter": decisions a rule may still wait on (migration 0022).
        builder.HasIndex([nameof(CourtDecision.DecidedOn), nameof(CourtDecision.Id)], "ix_court_decisions_waiting_decided_on_id")
            .HasFilter("final_form_on IS NULL OR received_on IS NULL");
    }
}
