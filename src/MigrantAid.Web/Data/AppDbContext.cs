using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Domain.Privacy;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Data;

public class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>, IDataProtectionKeyContext
{
    /// <summary>
    /// The one public constructor, as EF Core's context pool requires (ADR 0026): the field cipher comes with the
    /// options (<see cref="FieldCipherOptions"/>). Without one (the schema script, the drift test) the context never
    /// reads an encrypted field.
    /// </summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        Cipher = FieldCipherOptions.Of(options);
    }

    /// <summary>For a context over the same model on another connection (<see cref="ReportingDbContext"/>); its cipher comes with its options too.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
        Cipher = FieldCipherOptions.Of(options);
    }

    /// <summary>Encrypts and decrypts the sensitive fields (<see cref="EncryptedFields"/>).</summary>
    public FieldCipher Cipher { get; }

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<FamilyLink> FamilyLinks => Set<FamilyLink>();

    public DbSet<Intake> Intakes => Set<Intake>();

    public DbSet<Respondent> Respondents => Set<Respondent>();

    public DbSet<ComplaintCategory> ComplaintCategories => Set<ComplaintCategory>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseClient> CaseClients => Set<CaseClient>();

    public DbSet<CaseLawyer> CaseLawyers => Set<CaseLawyer>();

    public DbSet<CaseSealedPerson> CaseSealedPeople => Set<CaseSealedPerson>();

    public DbSet<SealedViewReason> SealedViewReasons => Set<SealedViewReason>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();

    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();

    public DbSet<CaseDocumentContent> CaseDocumentContents => Set<CaseDocumentContent>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<CourtProceeding> CourtProceedings => Set<CourtProceeding>();

    public DbSet<Hearing> Hearings => Set<Hearing>();

    public DbSet<CourtDecision> CourtDecisions => Set<CourtDecision>();

    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();

    public DbSet<CountryCalendarDay> CountryCalendarDays => Set<CountryCalendarDay>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<InternationalSubmission> InternationalSubmissions => Set<InternationalSubmission>();

    public DbSet<AcceptedProcedure> AcceptedProcedures => Set<AcceptedProcedure>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationThemeTag> RecommendationThemes => Set<RecommendationThemeTag>();

    public DbSet<RecommendationAssessment> RecommendationAssessments => Set<RecommendationAssessment>();

    public DbSet<CaseRecommendation> CaseRecommendations => Set<CaseRecommendation>();

    public DbSet<SubmissionClient> SubmissionClients => Set<SubmissionClient>();

    public DbSet<FollowUpRound> FollowUpRounds => Set<FollowUpRound>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataKey> DataKeys => Set<DataKey>();

    public DbSet<RetentionPolicy> RetentionPolicies => Set<RetentionPolicy>();

    public DbSet<AnonymisationRun> AnonymisationRuns => Set<AnonymisationRun>();

    /// <summary>
    /// The model is built per cipher. Options that carry one say so already (<see cref="FieldCipherOptionsExtensions.UseFieldCipher"/>);
    /// a pooled context's options must not change here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<FieldCipherOptions>() is null)
        {
            optionsBuilder.ReplaceService<IModelCacheKeyFactory, CipherModelCacheKeyFactory>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");

        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        EncryptedFields.Apply(builder, Cipher);
        SnakeCaseNaming.Apply(builder);
    }
}
