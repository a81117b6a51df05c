using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Data.Configurations;

public class DeadlineConfiguration :
    IEntityTypeConfiguration<DeadlineRule>, IEntityTypeConfiguration<CountryCalendarDay>, IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> builder)
    {
        builder.ToTable("deadline_rules");
        builder.Property(r => r.Id).UseIdentityByDefaultColumn();
        builder.Property(r => r.Name).HasMaxLength(DeadlineRule.NameMaxLength).IsRequired();
        builder.Property(r => r.NameRu).HasMaxLength(DeadlineRule.NameMaxLength);
        builder.Property(r => r.Forum).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Procedure).HasMaxLength(DeadlineRule.NameMaxLength).IsRequired();
        builder.Property(r => r.LegalBasis).HasMaxLength(DeadlineRule.NameMaxLength);
        builder.Property(r => r.LegalBasisRu).HasMaxLength(DeadlineRule.NameMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(DeadlineRule.TextMaxLength);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.Forum, r.Trigger });
    }

    public void Configure(EntityTypeBuilder<CountryCalendarDay> builder)
    {
        builder.ToTable("country_calendar_days");
        builder.HasKey(d => new { d.Country, d.Date });
        builder.Property(d => d.Country).HasMaxLength(8);
        builder.Property(d => d.Name).HasMaxLength(CountryCalendarDay.NameMaxLength).IsRequired();
    }

    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.ToTable("case_deadlines");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(CaseDeadline.TitleMaxLength).IsRequired();
        builder.Property(d => d.TitleRu).HasMaxLength(CaseDeadline.TitleMaxLength);
        builder.Property(d => d.SourceType).HasMaxLength(40);
        builder.Property(d => d.Arithmetic).HasColumnType("jsonb");
        builder.Property(d => d.OverrideReason).HasMaxLength(CaseDeadline.TextMaxLength);
        builder.Property(d => d.ClosingNote).HasMaxLength(CaseDeadline.TextMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DeadlineRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.AssigneeId).OnDelete(DeleteBehavior.SetNull);

        // The desk reads open deadlines per case by date, and tasks per assignee by date.
        builder.HasIndex(d => new { d.CaseId, d.DueOn });
        builder.HasIndex(d => new { d.AssigneeId, d.DueOn });
        builder.HasIndex(d => new { d.SourceType, d.SourceId });
        builder.HasIndex(d => d.RuleId);
    }
}
