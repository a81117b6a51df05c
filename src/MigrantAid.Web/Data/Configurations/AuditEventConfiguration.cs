using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Data.Configurations;

public class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ActorEmail).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.CorrelationId).HasMaxLength(64);
        builder.Property(a => a.Details).HasColumnType("jsonb");

        // The audit log is read newest first, by keyset on id, optionally narrowed by actor, action or entity.
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.ActorId, a.Id });
        builder.HasIndex(a => new { a.Action, a.Id });
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
    }
}
