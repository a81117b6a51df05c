using System.Globalization;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Tests.Features.Shared;

public class PluralTests
{
    [Theory]
    [InlineData(1, PluralForm.One)]
    [InlineData(2, PluralForm.Few)]
    [InlineData(5, PluralForm.Many)]
    [InlineData(11, PluralForm.Many)]
    [InlineData(12, PluralForm.Many)]
    [InlineData(14, PluralForm.Many)]
    [InlineData(21, PluralForm.One)]
    [InlineData(22, PluralForm.Few)]
    [InlineData(25, PluralForm.Many)]
    [InlineData(111, PluralForm.Many)]
    [InlineData(0, PluralForm.Many)]
    public void Russian_counts_take_one_few_or_many(int n, PluralForm expected)
    {
        Plural.Form(n, new CultureInfo("ru")).Should().Be(expected);
    }

    [Theory]
    [InlineData(1, PluralForm.One)]
    [InlineData(2, PluralForm.Many)]
    [InlineData(21, PluralForm.Many)]
    [InlineData(0, PluralForm.Many)]
    public void English_counts_are_one_or_other(int n, PluralForm expected)
    {
        Plural.Form(n, new CultureInfo("en")).Should().Be(expected);
    }
}
