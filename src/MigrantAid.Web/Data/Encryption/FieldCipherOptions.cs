using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// The <see cref="FieldCipher"/> carried in a context's options rather than its constructor, so that
/// <see cref="AppDbContext"/> has the one-argument constructor EF Core's context pool needs (ADR 0026). It adds no
/// service: the model, built per cipher (<see cref="CipherModelCacheKeyFactory"/>), is what it changes.
/// </summary>
public sealed class FieldCipherOptions(FieldCipher cipher) : IDbContextOptionsExtension
{
    public FieldCipher Cipher { get; } = cipher;

    public DbContextOptionsExtensionInfo Info => new CipherInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>The cipher in <paramref name="options"/>, or the one that refuses to encrypt when none was given.</summary>
    public static FieldCipher Of(DbContextOptions options) => options.FindExtension<FieldCipherOptions>()?.Cipher ?? FieldCipher.Unconfigured;

    private sealed class CipherInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is CipherInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

public static class FieldCipherOptionsExtensions
{
    /// <summary>Gives the context <paramref name="cipher"/> and builds its model per cipher.</summary>
    public static DbContextOptionsBuilder<TContext> UseFieldCipher<TContext>(this DbContextOptionsBuilder<TContext> options, FieldCipher cipher)
        where TContext : DbContext
    {
        UseFieldCipher((DbContextOptionsBuilder)options, cipher);
        return options;
    }

    /// <inheritdoc cref="UseFieldCipher{TContext}"/>
    public static DbContextOptionsBuilder UseFieldCipher(this DbContextOptionsBuilder options, FieldCipher cipher)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FieldCipherOptions(cipher));
        return options.ReplaceService<IModelCacheKeyFactory, CipherModelCacheKeyFactory>();
    }
}
