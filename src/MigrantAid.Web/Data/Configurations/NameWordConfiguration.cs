using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Data.Configurations;

/// <summary>The match-key word dictionary (migration 0026): filled by triggers; each word table is keyed by (word, record), to go from words to records, and indexed by (record, word), to test a record found another way (and for the triggers).</summary>
public class NameWordConfiguration :
    IEntityTypeConfiguration<NameWord>, IEntityTypeConfiguration<ClientNameWord>, IEntityTypeConfiguration<RespondentNameWord>
{
    public void Configure(EntityTypeBuilder<NameWord> builder)
    {
        builder.ToTable("name_words");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Word).IsRequired();
        builder.HasIndex(w => w.Word, "ix_name_words_word").IsUnique();
        builder.HasIndex(w => w.Word, "ix_name_words_word_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public void Configure(EntityTypeBuilder<ClientNameWord> builder)
    {
        builder.ToTable("client_name_words");
        builder.HasKey(w => new { w.WordId, w.ClientId });
        builder.HasOne<NameWord>().WithMany().HasForeignKey(w => w.WordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Client>().WithMany().HasForeignKey(w => w.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.ClientId, w.WordId });
    }

    public void Configure(EntityTypeBuilder<RespondentNameWord> builder)
    {
        builder.ToTable("respondent_name_words");
        builder.HasKey(w => new { w.WordId, w.RespondentId });
        builder.HasOne<NameWord>().WithMany().HasForeignKey(w => w.WordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Respondent>().WithMany().HasForeignKey(w => w.RespondentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.RespondentId, w.WordId });
    }
}
