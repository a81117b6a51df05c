using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Lawyers and caseworkers in proportion to each office's cases (about one per 2,500), and a coordinator per office.
/// They cannot sign in: no password. Written by binary COPY, with their roles.
/// </summary>
internal sealed class SyntheticStaff(AppDbContext db, SyntheticWorld world)
{
    private sealed record StaffUser(Guid Id, string Name, Guid Office, string Email, string Role);

    /// <returns>How many staff were written.</returns>
    public async Task<int> CreateAsync(NpgsqlConnection connection, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var role in new[] { Roles.Coordinator, Roles.Lawyer, Roles.Caseworker })
        {
            if (!roles.ContainsKey(role))
            {
                throw new InvalidOperationException($"Role {role} is missing.");
            }
        }

        var users = Staff(options);
        await CopyUsersAsync(connection, users, cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync("COPY user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var user in users)
            {
                importer.StartRow();
                importer.Write(user.Id, NpgsqlDbType.Uuid);
                importer.Write(roles[user.Role], NpgsqlDbType.Uuid);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return users.Count;
    }

    /// <summary>The staff of every office, each office's people remembered on it (the cases draw from them).</summary>
    private List<StaffUser> Staff(GeneratorOptions options)
    {
        var users = new List<StaffUser>();
        var totalWeight = world.OfficeWeights.Sum();
        for (var i = 0; i < world.Offices.Count; i++)
        {
            var office = world.Offices[i];
            var expectedCases = options.Cases * world.OfficeWeights[i] / totalWeight;
            var perRole = (int)Math.Clamp(expectedCases / 2500, 2, 200);
            var code = office.Prefix.ToLowerInvariant();
            office.Coordinator = Add("coordinator", 1, Roles.Coordinator);
            office.Lawyers = Enumerable.Range(1, perRole).Select(n => Add("lawyer", n, Roles.Lawyer)).ToArray();
            office.Caseworkers = Enumerable.Range(1, perRole).Select(n => Add("caseworker", n, Roles.Caseworker)).ToArray();

            Guid Add(string kind, int n, string role)
            {
                var user = NewUser(office, $"{kind}{n:000}.{code}.s{options.Seed}@{SyntheticDataGenerator.EmailDomain}", role);
                users.Add(user);
                return user.Id;
            }
        }

        return users;
    }

    private StaffUser NewUser(SyntheticOffice office, string email, string role)
    {
        var id = world.NewId();
        var group = world.PickGroup();
        var female = world.Rng.Next(2) == 0;
        var surname = group.Surnames[world.Rng.Next(group.Surnames.Length)];
        var name = (female ? SyntheticNames.FemaleSurname(surname) : surname) + " " + (female ? group.Female : group.Male)[world.Rng.Next(female ? group.Female.Length : group.Male.Length)];
        return new StaffUser(id, name, office.Id, email, role);
    }

    private async Task CopyUsersAsync(NpgsqlConnection connection, List<StaffUser> users, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY users (id, full_name, office_id, preferred_language, is_active, created_at, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var user in users)
        {
            importer.StartRow();
            importer.Write(user.Id, NpgsqlDbType.Uuid);
            importer.Write(user.Name, NpgsqlDbType.Varchar);
            importer.Write(user.Office, NpgsqlDbType.Uuid);
            importer.Write(SupportedLanguages.Russian, NpgsqlDbType.Varchar);
            importer.Write(true, NpgsqlDbType.Boolean);
            importer.Write(world.Now.AddDays(-SyntheticDataGenerator.SpanDays - 30), NpgsqlDbType.TimestampTz);
            importer.Write(user.Email, NpgsqlDbType.Varchar);
            importer.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            importer.Write(user.Email, NpgsqlDbType.Varchar);
            importer.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            importer.Write(true, NpgsqlDbType.Boolean);
            importer.Write(world.NewId().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
            importer.Write(world.NewId().ToString(), NpgsqlDbType.Text);
            importer.Write(false, NpgsqlDbType.Boolean);
            importer.Write(false, NpgsqlDbType.Boolean);
            importer.Write(true, NpgsqlDbType.Boolean);
            importer.Write(0, NpgsqlDbType.Integer);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
