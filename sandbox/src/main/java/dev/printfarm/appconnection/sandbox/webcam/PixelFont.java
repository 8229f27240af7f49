package dev.printfarm.appconnection.sandbox.webcam;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A 5×7 bitmap font drawn with rectangles, so that frames render the same on any JVM: a headless server without
 * fontconfig or any installed font included. Upper case, digits and a little punctuation; anything else shows as
 * {@code ?}.
 */
final class PixelFont {

    static final int WIDTH = 5;
    static final int HEIGHT = 7;
    /** One blank column between characters. */
    static final int ADVANCE = WIDTH + 1;

    private static final Map<Character, String[]> GLYPHS = new HashMap<>();

    static {
        glyph('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.");
        glyph('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.");
        glyph('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####");
        glyph('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###.");
        glyph('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.");
        glyph('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###.");
        glyph('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###.");
        glyph('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...");
        glyph('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.");
        glyph('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##..");
        glyph('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
        glyph('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.");
        glyph('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.");
        glyph('D', "###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###..");
        glyph('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####");
        glyph('F', "#####", "#....", "#....", "####.", "#....", "#....", "#....");
        glyph('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####");
        glyph('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
        glyph('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.");
        glyph('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..");
        glyph('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#");
        glyph('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####");
        glyph('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#");
        glyph('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#");
        glyph('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
        glyph('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#....");
        glyph('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#");
        glyph('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#");
        glyph('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####.");
        glyph('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..");
        glyph('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
        glyph('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#..");
        glyph('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#.");
        glyph('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#");
        glyph('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..");
        glyph('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####");
        glyph(' ', ".....", ".....", ".....", ".....", ".....", ".....", ".....");
        glyph('#', ".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#.");
        glyph('+', ".....", "..#..", "..#..", "#####", "..#..", "..#..", ".....");
        glyph('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##..");
        glyph(':', ".....", ".##..", ".##..", ".....", ".##..", ".##..", ".....");
        glyph('-', ".....", ".....", ".....", "#####", ".....", ".....", ".....");
        glyph('/', ".....", "....#", "...#.", "..#..", ".#...", "#....", ".....");
        glyph('(', "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#.");
        glyph(')', ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#...");
        glyph('_', ".....", ".....", ".....", ".....", ".....", ".....", "#####");
        glyph('?', ".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#..");
    }

    private PixelFont() {}

    private static void glyph(char c, String... rows) {
        GLYPHS.put(c, rows);
    }

    static boolean knows(char c) {
        return GLYPHS.containsKey(Character.toUpperCase(c));
    }

    /** The rows of a character, {@code #} for a lit pixel; {@code ?} for one the font does not have. */
    static String[] rows(char c) {
        return GLYPHS.getOrDefault(Character.toUpperCase(c), GLYPHS.get('?')).clone();
    }

    /** Draws {@code text} upper-cased with its top left corner at (x, y), each font pixel {@code scale} wide. */
    static void draw(Graphics2D graphics, String text, int x, int y, int scale, Color color) {
        graphics.setColor(color);
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            String[] rows = rows(upper.charAt(i));
            int left = x + i * ADVANCE * scale;
            for (int row = 0; row < HEIGHT; row++) {
                for (int column = 0; column < WIDTH; column++) {
                    if (rows[row].charAt(column) == '#') {
                        graphics.fillRect(left + column * scale, y + row * scale, scale, scale);
                    }
                }
            }
        }
    }

    static int width(String text, int scale) {
        return text.length() * ADVANCE * scale;
    }
}
