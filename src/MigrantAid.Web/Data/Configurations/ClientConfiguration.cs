using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

public class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FullName).HasMaxLength(Client.NameMaxLength).IsRequired();
        builder.Property(c => c.Patronymic).HasMaxLength(Client.PatronymicMaxLength);
        builder.Property(c => c.LatinName).HasMaxLength(400).IsRequired();
        builder.Property(c => c.SearchKey).IsRequired();
        builder.Property(c => c.Citizenship).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.CurrentCountry).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.CurrentCity).HasMaxLength(120);
        builder.Property(c => c.Languages).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Documents).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Stays).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Consents).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Client.Aliases), nameof(Client.Contacts), nameof(Client.Documents), nameof(Client.Stays), nameof(Client.Consents) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        // Lists by office and newest. Name search goes through the match-key word tables (NameWordConfiguration).
        builder.HasIndex(c => new { c.OfficeId, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });

        // Requests to be forgotten still waiting (for the client's open cases to close).
        builder.HasIndex(c => c.ErasureRequestedOn).HasFilter("erasure_requested_on IS NOT NULL AND anonymised_at IS NULL");
    }
}

public class ClientPartsConfiguration :
    IEntityTypeConfiguration<ClientAlias>, IEntityTypeConfiguration<ClientContact>, IEntityTypeConfiguration<MigrationDocument>,
    IEntityTypeConfiguration<StayPeriod>, IEntityTypeConfiguration<ConsentRecord>, IEntityTypeConfiguration<FamilyLink>
{
    public void Configure(EntityTypeBuilder<ClientAlias> builder)
    {
        builder.ToTable("client_aliases");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(Client.NameMaxLength).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<ClientContact> builder)
    {
        builder.ToTable("client_contacts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Value).IsRequired();
    }

    public void Configure(EntityTypeBuilder<MigrationDocument> builder)
    {
        builder.ToTable("migration_documents");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Number).HasMaxLength(64);
        builder.Property(a => a.IssuingCountry).HasMaxLength(2).IsFixedLength();

        // "Documents expiring within 30 days" (dashboards) reads by expiry date.
        builder.HasIndex(a => a.ExpiresOn);
    }

    public void Configure(EntityTypeBuilder<StayPeriod> builder)
    {
        builder.ToTable("stay_periods");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Country).HasMaxLength(2).IsFixedLength().IsRequired();
    }

    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consent_records");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Scope).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<FamilyLink> builder)
    {
        builder.ToTable("family_links");
        builder.HasKey(f => new { f.ClientId, f.RelatedClientId });
        builder.HasOne<Client>().WithMany().HasForeignKey(f => f.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Client>().WithMany().HasForeignKey(f => f.RelatedClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
