package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Files are read as strict UTF-8: malformed bytes are refused, never replaced; a byte-order mark is dropped. A file
 * that starts with a UTF-16 byte-order mark is read as strict UTF-16 in that byte order.
 */
class RepoTreeReadTest {

    private static String read(byte[] bytes) throws IOException {
        return RepoTree.of(Map.of("f.txt", bytes)).read("f.txt");
    }

    @Test
    void text_in_any_script_reads_as_written_and_a_byte_order_mark_is_dropped() throws Exception {
        String text = "name: café ✓ 😀 \uFFFD is a real replacement character here\n";
        assertThat(read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(read("plain ascii".getBytes(StandardCharsets.US_ASCII))).isEqualTo("plain ascii");
    }

    @Test
    void malformed_utf8_is_refused_not_replaced() {
        byte[][] malformed = {
            {'a', (byte) 0xC3}, // cut short
            {(byte) 0xC0, (byte) 0xAF}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            {'x', (byte) 0xFF, 'y'},
            "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), // Latin-1, not UTF-8
        };
        for (byte[] bytes : malformed) {
            assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage("not UTF-8 text");
        }
    }

    @Test
    void a_file_with_a_utf16_byte_order_mark_reads_as_utf16_in_either_byte_order() throws Exception {
        String text = "requests==2.32.3\r\ncafé-tools==1.0 ✓\r\n";
        byte[] le = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        byte[] be = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
        assertThat(le[0]).isEqualTo((byte) 0xFF);
        assertThat(be[0]).isEqualTo((byte) 0xFE);
        assertThat(read(le)).isEqualTo(text);
        assertThat(read(be)).isEqualTo(text);
    }

    @Test
    void malformed_utf16_after_its_byte_order_mark_is_refused() {
        byte[] oddLength = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b'};
        byte[] loneSurrogate = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0};
        for (byte[] bytes : new byte[][] {oddLength, loneSurrogate}) {
            assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
                    .hasMessage("not UTF-16 text, though it starts with a UTF-16 byte-order mark");
        }
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0, 0}))
                .isInstanceOf(IOException.class).hasMessage("not text: a NUL character at line 1");
    }

    @Test
    void a_nul_character_makes_a_binary_file() {
        assertThatThrownBy(() -> read("a\nb\u0000".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessage("not text: a NUL character at line 2");
    }

    @Test
    void random_bytes_read_exactly_as_a_strict_decoder_decides() throws Exception {
        Random r = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[r.nextInt(12)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (r.nextInt(3) == 0 ? 0x80 + r.nextInt(0x80) : 0x20 + r.nextInt(0x5F));
            }
            if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
                continue; // a UTF-16 byte-order mark: read as UTF-16 (tested above)
            }
            String strict;
            try {
                strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                strict = null;
            }
            if (strict == null) {
                assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage("not UTF-8 text");
            } else {
                assertThat(read(bytes)).isEqualTo(strict.startsWith("\uFEFF") ? strict.substring(1) : strict);
            }
        }
    }
}
