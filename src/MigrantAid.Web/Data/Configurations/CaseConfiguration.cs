using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

public class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Case.TitleMaxLength).IsRequired();
        builder.Property(c => c.OutcomeNote).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Intake>().WithOne().HasForeignKey<Case>(c => c.IntakeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.PrincipalClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CaseworkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.LeadLawyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Clients).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Lawyers).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Clients).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Lawyers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => new { c.OfficeId, c.Year, c.Number }).IsUnique();
        builder.HasIndex(c => c.IntakeId).IsUnique();

        // Lists page by (opened_on desc, id) within each filter.
        builder.HasIndex(c => new { c.OpenedOn, c.Id });
        builder.HasIndex(c => new { c.OfficeId, c.OpenedOn, c.Id });
        builder.HasIndex(c => new { c.Status, c.OpenedOn, c.Id });
        builder.HasIndex(c => new { c.CaseworkerId, c.OpenedOn, c.Id });
        builder.HasIndex(c => new { c.LeadLawyerId, c.OpenedOn, c.Id });
        builder.HasIndex(c => c.PrincipalClientId);

        // Written only by privacy_anonymise (migration 0030): the statistics' age group kept when the birth date goes.
        builder.Property<short?>("KeptAgeGroup");

        // The retention schedule's closed cases still to anonymise.
        builder.HasIndex(c => c.ClosedOn).HasDatabaseName("ix_cases_closed_on_due").HasFilter("status = 2 AND anonymised_at IS NULL");
    }
}

/// <summary>
/// Sealed cases and the people named on them (migration 0031_sealed_cases, issue 15). The named people are loaded
/// with every case entity (auto-included), so the access rule judging a loaded case never misses them.
/// </summary>
public class SealedCaseConfiguration : IEntityTypeConfiguration<Case>, IEntityTypeConfiguration<CaseSealedPerson>, IEntityTypeConfiguration<SealedViewReason>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.HasMany(c => c.SealedPeople).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SealedPeople).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // The few sealed cases, for the lists that leave out those a viewer is not named on.
        builder.HasIndex([nameof(Case.Id)], "ix_cases_sealed").HasFilter("is_sealed");
    }

    public void Configure(EntityTypeBuilder<CaseSealedPerson> builder)
    {
        builder.ToTable("case_sealed_people");
        builder.HasKey(p => new { p.CaseId, p.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.NamedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UserId, p.CaseId });
    }

    public void Configure(EntityTypeBuilder<SealedViewReason> builder)
    {
        builder.ToTable("sealed_view_reasons");
        builder.HasKey(r => new { r.SessionId, r.CaseId });
        builder.Property(r => r.Reason).HasMaxLength(SealedViewReason.ReasonMaxLength).IsRequired();
        builder.HasOne<UserSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.ExpiresAt);
    }
}

public class CasePartsConfiguration :
    IEntityTypeConfiguration<CaseClient>, IEntityTypeConfiguration<CaseLawyer>, IEntityTypeConfiguration<CaseEvent>,
    IEntityTypeConfiguration<CaseDocument>, IEntityTypeConfiguration<CaseDocumentContent>, IEntityTypeConfiguration<CaseNumberCounter>,
    IEntityTypeConfiguration<CaseCategory>, IEntityTypeConfiguration<ComplaintCategory>
{
    public void Configure(EntityTypeBuilder<CaseClient> builder)
    {
        builder.ToTable("case_clients");
        builder.HasKey(c => new { c.CaseId, c.ClientId });
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ClientId, c.CaseId });
    }

    public void Configure(EntityTypeBuilder<CaseLawyer> builder)
    {
        builder.ToTable("case_lawyers");
        builder.HasKey(c => new { c.CaseId, c.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.UserId, c.CaseId });
    }

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Details).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.CaseId, e.Id });
    }

    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("case_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(127).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.UploadedAt });
    }

    public void Configure(EntityTypeBuilder<CaseDocumentContent> builder)
    {
        builder.ToTable("case_document_contents");
        builder.HasKey(d => d.DocumentId);
        builder.HasOne<CaseDocument>().WithOne().HasForeignKey<CaseDocumentContent>(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => new { c.OfficeId, c.Year });
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseCategory> builder)
    {
        builder.ToTable("case_categories");
        builder.HasKey(c => new { c.CaseId, c.CategoryId });
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ComplaintCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CategoryId, c.CaseId });
    }

    public void Configure(EntityTypeBuilder<ComplaintCategory> builder)
    {
        builder.ToTable("complaint_categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityByDefaultColumn();
        builder.Property(c => c.Code).HasMaxLength(64).IsRequired();
        builder.Property(c => c.GroupCode).HasMaxLength(32).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(200).IsRequired();
        builder.Property(c => c.NameRu).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
    }
}
