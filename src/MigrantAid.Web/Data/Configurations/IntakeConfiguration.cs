using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

public class IntakeConfiguration : IEntityTypeConfiguration<Intake>, IEntityTypeConfiguration<Respondent>
{
    public void Configure(EntityTypeBuilder<Intake> builder)
    {
        builder.ToTable("intakes");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.CategoryIds).HasColumnType("integer[]").IsRequired();
        builder.Property(i => i.IncidentCountry).HasMaxLength(2).IsFixedLength();
        builder.Property(i => i.IncidentCity).HasMaxLength(120);
        builder.Property(i => i.RejectionNote).HasMaxLength(2000);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.IsUrgent);
        builder.HasOne<Office>().WithMany().HasForeignKey(i => i.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Respondents).WithOne().HasForeignKey(r => r.IntakeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Respondents).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Queues: drafts of a caseworker, submitted intakes of an office by response target.
        builder.HasIndex(i => new { i.Status, i.OfficeId, i.ResponseDueAt });
        builder.HasIndex(i => new { i.CreatedBy, i.Status });
        builder.HasIndex(i => i.ClientId);

        // The retention schedule's rejected intakes and drafts still to anonymise.
        builder.HasIndex(i => i.DecidedAt).HasDatabaseName("ix_intakes_decided_at_due").HasFilter("status = 3 AND anonymised_at IS NULL");
        builder.HasIndex(i => i.UpdatedAt).HasDatabaseName("ix_intakes_updated_at_due").HasFilter("status = 0 AND anonymised_at IS NULL");
    }

    public void Configure(EntityTypeBuilder<Respondent> builder)
    {
        builder.ToTable("respondents");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Respondent.NameMaxLength).IsRequired();
        builder.Property(r => r.SearchKey).IsRequired();
    }
}
