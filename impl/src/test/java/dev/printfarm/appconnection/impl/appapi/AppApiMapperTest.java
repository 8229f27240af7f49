package dev.printfarm.appconnection.impl.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The App APIs' answers, read by the module's JSON policy and mapped. */
class AppApiMapperTest {

    private static <T> T json(String text, Class<T> type) {
        return WireJson.read(text, type);
    }

    @Test
    void infoIsReadWithItsLimits() {
        PrinterInfo info = AppApiMapper.info(json("""
                {"PrinterName": "Voron 2.4", "PrinterLocalIp": "192.168.4.31", "IsOnline": true,
                 "LastConnectionTimeUtc": "2026-11-27T08:15:00Z", "LastDisconnectTimeUtc": "2026-11-26T23:01:12.5",
                 "UserFacingPrinterUrl": "https://octoeverywhere.com/p/abc",
                 "PrinterLimits": {"MaxDownloadFileSizeBytes": 524288000, "MaxUploadFileSizeBytes": "209715200",
                                   "MaxSingleWebcamStreamLengthSeconds": 3600}, "SomethingNew": [1]}
                """, AppApiAnswers.Info.class));
        assertEquals("Voron 2.4", info.printerName().orElseThrow());
        assertEquals("192.168.4.31", info.localIp().orElseThrow());
        assertTrue(info.online());
        assertEquals(Instant.parse("2026-11-27T08:15:00Z"), info.lastConnected().orElseThrow());
        assertEquals(
                Instant.parse("2026-11-26T23:01:12.5Z"), info.lastDisconnected().orElseThrow());
        assertEquals(524_288_000L, info.limits().maxDownloadBytes().getAsLong());
        assertEquals(209_715_200L, info.limits().maxUploadBytes().getAsLong());
        assertEquals(3600L, info.limits().maxWebcamStreamSeconds().getAsLong());
    }

    @Test
    void missingNullOrOddValuesReadAsAbsent() {
        PrinterInfo info = AppApiMapper.info(json("""
                {"printername": "lower case keys", "PrinterLocalIp": null, "IsOnline": "yes",
                 "LastConnectionTimeUtc": "yesterday", "UserFacingPrinterUrl": "javascript:alert(1)",
                 "PrinterLimits": {"MaxUploadFileSizeBytes": -1, "MaxDownloadFileSizeBytes": 1.5}}
                """, AppApiAnswers.Info.class));
        assertEquals("lower case keys", info.printerName().orElseThrow());
        assertTrue(info.localIp().isEmpty());
        assertFalse(info.online());
        assertTrue(info.lastConnected().isEmpty());
        assertTrue(info.userFacingUrl().isEmpty());
        assertTrue(info.limits().maxUploadBytes().isEmpty());
        assertTrue(info.limits().maxDownloadBytes().isEmpty());
        assertTrue(AppApiMapper.info(json("", AppApiAnswers.Info.class))
                .limits()
                .maxWebcamStreamSeconds()
                .isEmpty());
    }

    @Test
    void gadgetStatesColoursAndRatingsAreTyped() {
        var active = AppApiMapper.gadget(json(
                "{\"State\": 3, \"Status\": \"Looking good\", \"StatusColor\": \"g\", \"Rating\": 8}",
                AppApiAnswers.Gadget.class));
        assertEquals(dev.printfarm.appconnection.api.appapi.GadgetStatus.State.ACTIVE, active.state());
        assertEquals(dev.printfarm.appconnection.api.appapi.GadgetStatus.Color.GREEN, active.color());
        assertEquals("great", active.meaning().orElseThrow());
        var future = AppApiMapper.gadget(
                json("{\"State\": 9, \"StatusColor\": \"purple\", \"Rating\": 11}", AppApiAnswers.Gadget.class));
        assertEquals(dev.printfarm.appconnection.api.appapi.GadgetStatus.State.UNKNOWN, future.state());
        assertEquals(dev.printfarm.appconnection.api.appapi.GadgetStatus.Color.WHITE, future.color());
        assertTrue(future.rating().isEmpty(), "a rating outside 1-10 is not trusted");
        assertEquals(
                "failure",
                AppApiMapper.gadget(json("{\"State\": 4, \"Rating\": 1}", AppApiAnswers.Gadget.class))
                        .meaning()
                        .orElseThrow());
    }

    @Test
    void aLiveLinkNeedsAnIdAndAnHttpUrl() {
        var link = AppApiMapper.liveLink(json(
                        "{\"LiveId\": \"abc\", \"Url\": \"https://octoeverywhere.com/live/abc\", \"ShortUrl\": null}",
                        AppApiAnswers.LiveLink.class))
                .orElseThrow();
        assertEquals("abc", link.liveId());
        assertTrue(link.shortUrl().isEmpty());
        assertTrue(
                AppApiMapper.liveLink(json("{\"LiveId\": \"abc\", \"Url\": \"ftp://x\"}", AppApiAnswers.LiveLink.class))
                        .isEmpty());
    }
}
