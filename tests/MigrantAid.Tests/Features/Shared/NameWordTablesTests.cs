using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using Npgsql;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>
/// The dictionary of match-key words (migration 0026) follows every change of a client's or respondent's
/// match key in the same transaction, through the portal's own saves as the application role.
/// </summary>
public class NameWordTablesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_client_holds_the_words_of_name_and_patronymic()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Рахимов Фаррух", "Бахтиёрович").SaveAsync();

        var words = await ClientWordsAsync(client.Id);
        words.Should().Equal(Keyed("Рахимов Фаррух Бахтиёрович")).And.Contain(["rahimov", "faruh"]);
    }

    [Fact]
    public async Task Renaming_a_client_replaces_its_words()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Юсупов Алишер", "Рустамович").SaveAsync();

        await ChangeClientAsync(client.Id, (db, c) => c.Rename("Yusupova Malika", null, DateTimeOffset.UtcNow));

        (await ClientWordsAsync(client.Id)).Should().Equal(Keyed("Yusupova Malika"));
    }

    [Fact]
    public async Task Aliases_add_their_words_and_take_them_away_when_removed()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Турсунов Шерзод").SaveAsync();

        await ChangeClientAsync(client.Id, (db, c) => c.AddAlias("Tursunboy Sherzodjon", null));
        (await ClientWordsAsync(client.Id)).Should().Equal(Keyed("Турсунов Шерзод Tursunboy Sherzodjon"));

        await ChangeClientAsync(client.Id, (db, c) => c.RemoveAlias(c.Aliases.Single()));
        (await ClientWordsAsync(client.Id)).Should().Equal(Keyed("Турсунов Шерзод"));
    }

    [Fact]
    public async Task Deleting_a_client_deletes_its_words()
    {
        var office = await portal.Office().SaveAsync();
        var client = await portal.Client(office.Id).Named("Норматов Акмал").SaveAsync();

        await ExecuteAsync("DELETE FROM clients WHERE id = @id", client.Id);

        (await ClientWordsAsync(client.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Respondents_hold_their_words_and_lose_them_with_the_respondent()
    {
        var office = await portal.Office().SaveAsync();
        var intake = await portal.Intake(office.Id).WithRespondent("ООО Стройинвест Плюс").SaveAsync();
        var respondent = intake.Respondents.Single();

        (await RespondentWordsAsync(respondent.Id)).Should().Equal(Keyed("ООО Стройинвест Плюс"));

        await portal.WithDbAsync(async db =>
        {
            var stored = await db.Intakes.Include(i => i.Respondents).SingleAsync(i => i.Id == intake.Id);
            stored.RemoveRespondent(stored.Respondents.Single());
            return await db.SaveChangesAsync();
        });

        (await RespondentWordsAsync(respondent.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_tables_kept_by_the_triggers_equal_a_full_rebuild()
    {
        var office = await portal.Office().SaveAsync();
        var renamed = await portal.Client(office.Id).Named("Каримов Дилшод").SaveAsync();
        await portal.Client(office.Id).Named("Karimova Dilnoza", "Akmalovna").SaveAsync();
        await portal.Intake(office.Id).WithRespondent("ИП Каримов").SaveAsync();
        await ChangeClientAsync(renamed.Id, (db, c) => c.Rename("Каримов Дилшодбек", "Ильхомович", DateTimeOffset.UtcNow));

        var kept = await AllWordRowsAsync();
        (await ScalarAsync("SELECT name_words_rebuild()")).Should().BeGreaterThan(0);
        var rebuilt = await AllWordRowsAsync();

        kept.Should().NotBeEmpty().And.BeEquivalentTo(rebuilt, "the triggers keep what a rebuild from the match keys computes");
        (await ScalarAsync("""
            SELECT count(*) FROM clients c CROSS JOIN LATERAL regexp_split_to_table(c.search_key, ' ') w
            WHERE w <> '' AND NOT EXISTS (
                SELECT 1 FROM client_name_words x JOIN name_words n ON n.id = x.word_id WHERE x.client_id = c.id AND n.word = w)
            """)).Should().Be(0, "every word of every client's match key is in the tables");
    }

    private static List<string> Keyed(string text) =>
        Transliteration.MatchKey(text).Split(' ').Distinct().Order(StringComparer.Ordinal).ToList();

    private Task<List<string>> ClientWordsAsync(Guid clientId) => WordsAsync(
        "SELECT n.word FROM client_name_words x JOIN name_words n ON n.id = x.word_id WHERE x.client_id = @id ORDER BY n.word", clientId);

    private Task<List<string>> RespondentWordsAsync(Guid respondentId) => WordsAsync(
        "SELECT n.word FROM respondent_name_words x JOIN name_words n ON n.id = x.word_id WHERE x.respondent_id = @id ORDER BY n.word", respondentId);

    private Task<List<string>> AllWordRowsAsync() => WordsAsync("""
        SELECT 'c ' || x.client_id || ' ' || n.word FROM client_name_words x JOIN name_words n ON n.id = x.word_id
        UNION ALL
        SELECT 'r ' || x.respondent_id || ' ' || n.word FROM respondent_name_words x JOIN name_words n ON n.id = x.word_id
        """, null);

    private async Task ChangeClientAsync(Guid clientId, Action<AppDbContext, Client> change)
    {
        await portal.WithDbAsync(async db =>
        {
            var client = await db.Clients.Include(c => c.Aliases).SingleAsync(c => c.Id == clientId);
            change(db, client);
            return await db.SaveChangesAsync();
        });
    }

    private async Task<List<string>> WordsAsync(string sql, Guid? id)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            words.Add(reader.GetString(0));
        }

        return words.Order(StringComparer.Ordinal).ToList();
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
