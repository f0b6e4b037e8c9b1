// Bare start-up for the core digest on QEMU's Xtensa "sim" machine (de233_fpu core, windowed
// registers): the window exception vectors, a stack, the call into C++ and a semihosting
// call. The vector code is the standard spill and reload of the Xtensa ISA's register windows.
        .section .vectors, "ax"
        .p2align 10
        .global window_vectors
window_vectors:
        // Overflow of a call4 frame (VECBASE + 0x00): save a0..a3 below the caller's sp.
        s32e    a0, a5, -16
        s32e    a1, a5, -12
        s32e    a2, a5, -8
        s32e    a3, a5, -4
        rfwo
        .org    window_vectors + 0x40
        l32e    a0, a5, -16
        l32e    a1, a5, -12
        l32e    a2, a5, -8
        l32e    a3, a5, -4
        rfwu
        .org    window_vectors + 0x80
        // call8 frame: a0..a3 below the caller's sp, a4..a7 below the frame's own end.
        s32e    a0, a9, -16
        l32e    a0, a1, -12
        s32e    a1, a9, -12
        s32e    a2, a9, -8
        s32e    a3, a9, -4
        s32e    a4, a0, -32
        s32e    a5, a0, -28
        s32e    a6, a0, -24
        s32e    a7, a0, -20
        rfwo
        .org    window_vectors + 0xc0
        l32e    a1, a9, -12
        l32e    a0, a9, -16
        l32e    a7, a1, -12
        l32e    a2, a9, -8
        l32e    a4, a7, -32
        l32e    a3, a9, -4
        l32e    a5, a7, -28
        l32e    a6, a7, -24
        l32e    a7, a7, -20
        rfwu
        .org    window_vectors + 0x100
        s32e    a0, a13, -16
        l32e    a0, a1, -12
        s32e    a1, a13, -12
        s32e    a2, a13, -8
        s32e    a3, a13, -4
        s32e    a4, a0, -48
        s32e    a5, a0, -44
        s32e    a6, a0, -40
        s32e    a7, a0, -36
        s32e    a8, a0, -32
        s32e    a9, a0, -28
        s32e    a10, a0, -24
        s32e    a11, a0, -20
        rfwo
        .org    window_vectors + 0x140
        l32e    a1, a13, -12
        l32e    a0, a13, -16
        l32e    a11, a1, -12
        l32e    a2, a13, -8
        l32e    a4, a11, -48
        l32e    a8, a11, -32
        l32e    a3, a13, -4
        l32e    a5, a11, -44
        l32e    a6, a11, -40
        l32e    a7, a11, -36
        l32e    a9, a11, -28
        l32e    a10, a11, -24
        l32e    a11, a11, -20
        rfwu
        .org    window_vectors + 0x340
        // User exception: the one expected is MUL32HIGH's muluh, which the ESP32 has and
        // QEMU's de233_fpu lacks (illegal instruction): done here, in software.
        wsr     a2, excsave1
        j       muluh_in_software

        // The core starts at its reset vector in the sim machine's ROM, whatever the ELF's
        // entry: from there to _start.
        .section .reset, "ax"
        .global reset
reset:
        j       1f
        .p2align 2
2:      .long   _start
1:      l32r    a0, 2b
        jx      a0

        .section .text.start, "ax"
        .literal_position
        .literal .Lvectors, window_vectors
        .literal .Lstack, stack_top
        .literal .Lps, 0x00040020
        .literal .Lmain, digest_main
        .global _start
        .align  4
_start:
        // One live window (WINDOWBASE 0, WINDOWSTART bit 0), then PS: WOE on, user mode,
        // interrupt level 0.
        l32r    a2, .Lvectors
        wsr     a2, vecbase
        movi    a0, 0
        wsr     a0, windowbase
        rsync
        movi    a2, 1
        wsr     a2, windowstart
        rsync
        l32r    a2, .Lps
        wsr     a2, ps
        rsync
        l32r    a1, .Lstack
        l32r    a8, .Lmain
        callx8  a8
1:      j       1b

        // All of a0..a15 to `saved_regs`, so that the instruction's register fields index
        // them; muluh ar, as, at is RRR with op0 0, op1 2, op2 0xa.
        .literal_position
        .literal .Lsaved, saved_regs
        .align  4
muluh_in_software:
        l32r    a2, .Lsaved
        s32i    a0, a2, 0
        s32i    a1, a2, 4
        s32i    a3, a2, 12
        s32i    a4, a2, 16
        s32i    a5, a2, 20
        s32i    a6, a2, 24
        s32i    a7, a2, 28
        s32i    a8, a2, 32
        s32i    a9, a2, 36
        s32i    a10, a2, 40
        s32i    a11, a2, 44
        s32i    a12, a2, 48
        s32i    a13, a2, 52
        s32i    a14, a2, 56
        s32i    a15, a2, 60
        rsr     a3, excsave1
        s32i    a3, a2, 8
        rsr     a3, exccause
        bnez    a3, unexpected_exception
        rsr     a4, epc1
        l8ui    a5, a4, 0
        l8ui    a6, a4, 1
        l8ui    a7, a4, 2
        slli    a6, a6, 8
        slli    a7, a7, 16
        or      a5, a5, a6
        or      a5, a5, a7               // a5: the instruction
        movi    a6, 0xff000f
        and     a6, a5, a6
        movi    a7, 0xa20000
        beq     a6, a7, 1f
        j       unexpected_exception
1:
        extui   a6, a5, 8, 4             // s
        addx4   a6, a6, a2
        l32i    a6, a6, 0                // x
        extui   a7, a5, 4, 4             // t
        addx4   a7, a7, a2
        l32i    a7, a7, 0                // y
        // High word of x * y from 16-bit halves.
        extui   a8, a6, 0, 16
        extui   a9, a6, 16, 16
        extui   a10, a7, 0, 16
        extui   a11, a7, 16, 16
        mull    a12, a8, a10             // low * low
        mull    a13, a8, a11             // low x * high y
        mull    a14, a9, a10             // high x * low y
        mull    a15, a9, a11             // high * high
        extui   a12, a12, 16, 16
        extui   a8, a13, 0, 16
        add     a12, a12, a8
        extui   a8, a14, 0, 16
        add     a12, a12, a8             // the middle column
        extui   a12, a12, 16, 16
        extui   a13, a13, 16, 16
        extui   a14, a14, 16, 16
        add     a15, a15, a13
        add     a15, a15, a14
        add     a15, a15, a12
        extui   a6, a5, 12, 4            // r
        addx4   a6, a6, a2
        s32i    a15, a6, 0
        addi    a4, a4, 3
        wsr     a4, epc1
        l32i    a0, a2, 0
        l32i    a1, a2, 4
        l32i    a3, a2, 12
        l32i    a4, a2, 16
        l32i    a5, a2, 20
        l32i    a6, a2, 24
        l32i    a7, a2, 28
        l32i    a8, a2, 32
        l32i    a9, a2, 36
        l32i    a10, a2, 40
        l32i    a11, a2, 44
        l32i    a12, a2, 48
        l32i    a13, a2, 52
        l32i    a14, a2, 56
        l32i    a15, a2, 60
        l32i    a2, a2, 8
        rsync
        rfe

        // Anything else: exit with status 3 (SYS_exit).
unexpected_exception:
        movi    a2, 1
        movi    a3, 3
        .byte   0x00, 0x51, 0x00         // simcall
1:      j       1b

        .section .bss
        .align  4
saved_regs:
        .space  64

        .section .text.start, "ax"
        // int sim_call(int nr, int a, int b, int c): QEMU's semihosting (simcall with the
        // call number in a2 and arguments in a3..a5; the result in a2).
        .global sim_call
        .align  4
sim_call:
        entry   a1, 32
        .byte   0x00, 0x51, 0x00  // simcall: llvm-mc does not know the mnemonic
        retw
        .section .note.GNU-stack, "", @progbits
