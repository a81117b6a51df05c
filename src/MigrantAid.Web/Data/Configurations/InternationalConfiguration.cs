using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>
/// International submissions, accepted procedures per state, and the recommendations register
/// (migration 0009_international). The register is listed newest year first, in entry order within a
/// year (year DESC, id): every filter has an index that leads with it and continues in that order, the
/// theme filter goes through recommendation_themes (theme, recommendation_id), and the search box is a
/// LIKE on the lower-cased search text served by a trigram index.
/// </summary>
public class InternationalConfiguration :
    IEntityTypeConfiguration<InternationalSubmission>,
    IEntityTypeConfiguration<AcceptedProcedure>,
    IEntityTypeConfiguration<Recommendation>,
    IEntityTypeConfiguration<RecommendationThemeTag>,
    IEntityTypeConfiguration<RecommendationAssessment>,
    IEntityTypeConfiguration<CaseRecommendation>
{
    public void Configure(EntityTypeBuilder<InternationalSubmission> builder)
    {
        builder.ToTable("international_submissions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.StateConcerned).HasMaxLength(8).IsRequired();
        builder.Property(s => s.BodyReference).HasMaxLength(InternationalSubmission.ReferenceMaxLength);
        builder.Property(s => s.Notes).HasMaxLength(InternationalSubmission.NotesMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Dates);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CaseId, s.SubmittedOn });
    }

    public void Configure(EntityTypeBuilder<AcceptedProcedure> builder)
    {
        builder.ToTable("accepted_procedures");
        builder.Property(a => a.Id).UseIdentityByDefaultColumn();
        builder.Property(a => a.State).HasMaxLength(8).IsRequired();
        builder.Property(a => a.Notes).HasMaxLength(AcceptedProcedure.NotesMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.State, a.Body, a.Procedure }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("recommendations");
        builder.Property(r => r.Id).UseIdentityByDefaultColumn();
        builder.Property(r => r.State).HasMaxLength(8).IsRequired();
        builder.Property(r => r.Cycle).HasMaxLength(Recommendation.CycleMaxLength).IsRequired();
        builder.Property(r => r.Paragraph).HasMaxLength(Recommendation.ParagraphMaxLength);
        builder.Property(r => r.TextEn).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.TextRu).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.RecommendingState).HasMaxLength(Recommendation.RecommendingStateMaxLength);
        builder.Property(r => r.Source).HasMaxLength(Recommendation.SourceMaxLength);
        builder.Property(r => r.SearchText).IsRequired();
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Themes).HasField("_themes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex([nameof(Recommendation.Year), nameof(Recommendation.Id)], "ix_recommendations_year_id").IsDescending(true, false);
        builder.HasIndex(r => new { r.Body, r.Year, r.Id }).IsDescending(false, true, false);
        builder.HasIndex(r => new { r.State, r.Year, r.Id }).IsDescending(false, true, false);
        builder.HasIndex(r => new { r.Response, r.Year, r.Id }).IsDescending(false, true, false);
        builder.HasIndex(r => new { r.Status, r.Year, r.Id }).IsDescending(false, true, false);
        builder.HasIndex(r => r.SearchText, "ix_recommendations_search_text_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<RecommendationThemeTag> builder)
    {
        builder.ToTable("recommendation_themes");
        builder.HasKey(t => new { t.RecommendationId, t.Theme });
        builder.HasIndex(t => new { t.Theme, t.RecommendationId });
    }

    public void Configure(EntityTypeBuilder<RecommendationAssessment> builder)
    {
        builder.ToTable("recommendation_assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Note).HasMaxLength(RecommendationAssessment.NoteMaxLength);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AssessedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RecommendationId, a.AssessedOn });
        builder.HasIndex(a => a.AssessedBy);
    }

    public void Configure(EntityTypeBuilder<CaseRecommendation> builder)
    {
        builder.ToTable("case_recommendations");
        builder.HasKey(l => new { l.CaseId, l.RecommendationId });
        builder.Property(l => l.Note).HasMaxLength(CaseRecommendation.NoteMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(l => l.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.RecommendationId, l.LinkedAt, l.CaseId }).IsDescending(false, true, true);
    }
}
