using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>
/// A person's situation (migration 0024_client_situation): the separated child's details, the partial
/// indexes behind the "undocumented" and "separated child" filters (case_facts.situation needs no configuration).
/// </summary>
public class ClientSituationConfiguration : IEntityTypeConfiguration<Client>
{
    /// <summary>The index predicates; the list queries test the same bits, so PostgreSQL uses the indexes.</summary>
    public const string UndocumentedFilter = "((vulnerabilities & 64) <> 0)";
    public const string SeparatedChildFilter = "((vulnerabilities & 128) <> 0)";

    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.Property(c => c.SeparatedFrom).HasMaxLength(Client.SeparatedFromMaxLength);
        builder.HasIndex([nameof(Client.CreatedAt), nameof(Client.Id)], "ix_clients_undocumented_created_at_id").HasFilter(UndocumentedFilter);
        builder.HasIndex([nameof(Client.CreatedAt), nameof(Client.Id)], "ix_clients_separated_child_created_at_id").HasFilter(SeparatedChildFilter);
    }
}
