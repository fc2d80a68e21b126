using System.Net;
using FocusBot.Storage.AzureTables;

namespace FocusBot.Storage.Tests.AzureTables;

public sealed class TableCodecTests
{
    [Fact]
    public void ParseResponse_AcceptedWithAFailedInnerResponse_ThrowsNamingTheFailingOperation()
    {
        const string body = "--batchresponse_x\r\nContent-Type: multipart/mixed; boundary=changesetresponse_y\r\n\r\n--changesetresponse_y\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 409 Conflict\r\nContent-ID: 2\r\n"
            + "Content-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:1\"}}}\r\n"
            + "--changesetresponse_y--\r\n--batchresponse_x--\r\n";

        var error = Assert.Throws<TableBatchException>(() => TableBatchCodec.ParseResponse(body, 3));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public void ParseResponse_AllSucceeded_ReturnsETagsInOperationOrder()
    {
        const string body = "--batchresponse_x\nContent-Type: multipart/mixed; boundary=changesetresponse_y\n\n"
            + "--changesetresponse_y\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\nETag: W/\"a\"\n\n"
            + "--changesetresponse_y\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\n\n"
            + "--changesetresponse_y\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\nETag: W/\"c\"\n\n"
            + "--changesetresponse_y--\n--batchresponse_x--\n";

        Assert.Equal(["W/\"a\"", null, "W/\"c\""], TableBatchCodec.ParseResponse(body, 3));
    }

    [Theory]
    [InlineData("plain-id")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("pipe|percent%bang!")]
    [InlineData("\u0000\u001f\u007f\u009f")]
    [InlineData("lone \ud800 surrogate")]
    public void Encode_AnyValue_IsAValidKeyAndDecodesBack(string value)
    {
        var key = TableKeys.Encode(value);

        TableKeys.Validate(key, "key");
        Assert.DoesNotContain(TableKeys.Separator, key);
        Assert.Equal(value, TableKeys.Decode(key));
    }

    [Fact]
    public void Encode_Prefix_StaysAPrefixOfTheEncodedValue()
    {
        Assert.StartsWith(TableKeys.Encode("ann/"), TableKeys.Encode("ann/lee"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RawForbiddenCharacter_IsRejectedBeforeSending()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Validate("a/b", "row key"));
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('k', 1025), "row key"));
    }

    [Fact]
    public void Quote_SingleQuote_IsDoubled()
    {
        Assert.Equal("Name eq 'O''Brien'", TableFilter.Equal("Name", "O'Brien"));
    }

    [Fact]
    public void Parse_DevelopmentStorage_UsesAzuritePathStyleEndpoint()
    {
        var connection = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal("devstoreaccount1", connection.AccountName);
    }

    [Fact]
    public void Parse_AccountConnectionString_BuildsTheTableEndpoint()
    {
        var connection = TableConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=focusbot;AccountKey=AAAA;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://focusbot.table.core.windows.net"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_MissingKey_ExplainsWhatIsNeeded()
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse("AccountName=focusbot"));

        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
    }
}
