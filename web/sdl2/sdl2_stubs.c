/* Stand-ins for SDL2 functions of subsystems our web build leaves out (see SDL_config.h here). */
#include "SDL.h"

/* imgui_impl_sdl.cpp polls gamepad 0 only when gamepad navigation is enabled; with no joystick
   subsystem there is never a controller to open. */
SDL_GameController* SDL_GameControllerOpen(int joystick_index) {
    (void)joystick_index;
    SDL_SetError("SDL built without gamepad support");
    return NULL;
}
Uint8 SDL_GameControllerGetButton(SDL_GameController* gamecontroller, SDL_GameControllerButton button) {
    (void)gamecontroller;
    (void)button;
    return 0;
}
Sint16 SDL_GameControllerGetAxis(SDL_GameController* gamecontroller, SDL_GameControllerAxis axis) {
    (void)gamecontroller;
    (void)axis;
    return 0;
}
void SDL_GameControllerClose(SDL_GameController* gamecontroller) { (void)gamecontroller; }
